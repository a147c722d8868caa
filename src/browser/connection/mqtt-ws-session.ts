import type { IClientOptions, MqttClient } from 'mqtt';
import { CONNACK_3, describeCode } from '../../core/mqtt/reason-codes.ts';
import {
  ConnectError,
  type ConnectOptions,
  type MqttSession,
  type QoS,
  type SessionEvents,
} from './connection.ts';
import { Emitter } from './emitter.ts';

const CONNECT_TIMEOUT_MS = 8000;

/**
 * The one place that owns mqtt.js. It is imported on first connect, so pages whose widgets
 * never connect do not download it.
 */
export async function openMqttSession(url: string, options: ConnectOptions): Promise<MqttSession> {
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
  const client = mqtt.connect(url, clientOptions);
  const events = new Emitter<SessionEvents>();

  const sessionPresent = await waitForConnack(client, url);
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

function waitForConnack(client: MqttClient, url: string): Promise<boolean> {
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
    const onClose = () => {
      fail(
        new ConnectError(
          'websocket',
          'No MQTT over WebSocket there',
          `Could not open a WebSocket to ${url}, or it closed before the broker answered ` +
            'CONNECT. Check that the broker is running and that the port and path are right.',
        ),
      );
    };
    client.on('connect', onConnect);
    client.on('error', onError);
    client.on('close', onClose);
  });
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
          if (error) return reject(error);
          resolve(granted?.[0]?.qos ?? 0x80);
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
