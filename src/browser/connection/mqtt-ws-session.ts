import type { IClientOptions, IStream, MqttClient } from 'mqtt';
import { CONNACK_3, describeCode } from '../../core/mqtt/reason-codes.ts';
import {
  ConnectError,
  type ConnectOptions,
  type MqttSession,
  type QoS,
  type SessionEvents,
} from './connection.ts';
import { Emitter } from './emitter.ts';

/** SUBACK's return code for a refused filter (MQTT 3.1.1 §3.9.3). */
const SUBACK_FAILURE = 0x80;

const CONNECT_TIMEOUT_MS = 8000;

/** Raw MQTT bytes over a stream the caller makes, for a broker that has no URL (the in-page lab). */
export interface StreamRoute {
  /** Makes the byte stream; mqtt.js asks once per connection. */
  open: () => IStream;
  /** What to tell the learner when the stream closes before CONNACK. */
  unreachable: () => ConnectError;
}

/**
 * The one place that owns mqtt.js. It is imported on first connect, so pages whose widgets
 * never connect do not download it. `route` is a ws:// or wss:// URL, or a stream route.
 */
export async function openMqttSession(
  route: string | StreamRoute,
  options: ConnectOptions,
): Promise<MqttSession> {
  const { default: mqtt } = await import('mqtt');
  const clientOptions: IClientOptions = {
    clientId: options.clientId,
    clean: options.clean ?? true,
    keepalive: options.keepalive ?? 60,
    // The lab broker (aedes) speaks MQTT 3.1.1, and the lessons teach 3.1.1 first.
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
  };
  const client =
    typeof route === 'string'
      ? mqtt.connect(route, clientOptions)
      : new mqtt.MqttClient(() => route.open(), clientOptions);
  // mqtt.connect() adds one too: an 'error' event that nobody listens to would throw.
  client.on('error', () => {});
  const events = new Emitter<SessionEvents>();

  const sessionPresent = await waitForConnack(
    client,
    typeof route === 'string' ? () => unreachableUrl(route) : route.unreachable,
  );
  const session = createSession(client, options.clientId, sessionPresent, events);
  let endedByClient = false;
  // After CONNACK an error always ends in 'close'; the close reason carries its message.
  let lastError = '';
  client.on('error', (error) => {
    lastError = error.message;
  });
  client.on('message', (topic, payload, packet) => {
    events.emit('message', {
      topic,
      payload: new Uint8Array(payload),
      qos: packet.qos as QoS,
      retain: packet.retain,
      receivedAt: new Date(),
    });
  });
  client.on('close', () => {
    events.emit('closed', {
      byClient: endedByClient,
      reason: endedByClient
        ? 'You disconnected.'
        : `The broker closed the connection${lastError ? ` (${lastError})` : ''}.`,
    });
  });

  return {
    ...session,
    end: () =>
      new Promise<void>((resolve) => {
        endedByClient = true;
        client.end(false, {}, () => resolve());
      }),
  };
}

function waitForConnack(client: MqttClient, unreachable: () => ConnectError): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      client.off('connect', onConnect);
      client.off('error', onError);
      client.off('close', onClose);
    };
    const fail = (error: ConnectError) => {
      settle();
      client.end(true);
      reject(error);
    };
    const onConnect = (connack: { sessionPresent: boolean }) => {
      settle();
      resolve(connack.sessionPresent);
    };
    const onError = (error: Error & { code?: number }) => {
      if (typeof error.code !== 'number') return;
      const words = describeCode(CONNACK_3, error.code);
      fail(new ConnectError('mqtt', `CONNACK ${error.code}: ${words.name}`, words.meaning));
    };
    const onClose = () => fail(unreachable());
    client.on('connect', onConnect);
    client.on('error', onError);
    client.on('close', onClose);
  });
}

function unreachableUrl(url: string): ConnectError {
  return new ConnectError(
    'websocket',
    'No MQTT over WebSocket there',
    `Could not open a WebSocket to ${url}, or it closed before the broker answered ` +
      'CONNECT. Check that the broker is running and that the port and path are right.',
  );
}

function createSession(
  client: MqttClient,
  clientId: string,
  sessionPresent: boolean,
  events: Emitter<SessionEvents>,
): Omit<MqttSession, 'end'> {
  return {
    clientId,
    sessionPresent,
    subscribe: (filter, qos) =>
      new Promise((resolve, reject) => {
        client.subscribe(filter, { qos }, (error, granted) => {
          // mqtt.js reports a refused filter as an error that carries the SUBACK; here it is an
          // answer, as the interface promises, and the connection stays up.
          const suback = (error as { packet?: { granted?: unknown[] } } | null)?.packet;
          if (suback?.granted?.[0] === SUBACK_FAILURE) return resolve(SUBACK_FAILURE);
          if (error) return reject(error);
          resolve(granted?.[0]?.qos ?? SUBACK_FAILURE);
        });
      }),
    unsubscribe: (filter) =>
      new Promise((resolve, reject) => {
        client.unsubscribe(filter, (error) => (error ? reject(error) : resolve()));
      }),
    publish: (topic, payload, { qos, retain }) =>
      new Promise((resolve, reject) => {
        client.publish(topic, payload, { qos, retain }, (error) =>
          error ? reject(error) : resolve(),
        );
      }),
    on: (event, listener) => events.on(event, listener),
  };
}
