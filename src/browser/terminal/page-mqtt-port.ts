/**
 * The terminal's MqttPort in the page: each mosquitto_sub or mosquitto_pub opens its own
 * session through the broker picked for the page, the same Connection the playground uses. So
 * a message published in the terminal reaches the playground, and the other way round.
 */
import type { Refusal } from '../../core/lab/lab-event.ts';
import {
  MqttConnectFailure,
  type BrokerDescription,
  type MqttPort,
  type MqttPortSession,
  type PortSessionEvents,
} from '../../core/shell/mqtt-port.ts';
import { brokerChoice, connectionFor } from '../connection/broker-choice.ts';
import { ConnectError, type BrokerTarget, type MqttSession } from '../connection/connection.ts';

/** The lab server's description of itself (src/sandbox/lab-api.ts). */
interface LabInfo {
  mqtt?: { tcpPort: number; host: string };
}

let labInfo: Promise<LabInfo | null> | null = null;

export function pageMqttPort(): MqttPort {
  return {
    async describe() {
      const { current } = await brokerChoice();
      return describeTarget(current);
    },

    async connect({ clientId }) {
      // Asked on every connect, so a broker picked after the terminal opened is used.
      const { current } = await brokerChoice();
      try {
        return adapt(await connectionFor(current).connect({ clientId }));
      } catch (error) {
        throw failure(error);
      }
    },
  };
}

async function describeTarget(target: BrokerTarget): Promise<BrokerDescription> {
  const description: BrokerDescription = {
    label: target.label,
    url: target.url,
    explains: target.explains,
  };
  if (target.kind !== 'lab-server') return description;

  // The lab server also listens for native tools over TCP; it says where in /api/lab.
  labInfo ??= fetch(new URL('/api/lab', location.origin), { cache: 'no-store' })
    .then((response) => (response.ok ? (response.json() as Promise<LabInfo>) : null))
    .catch(() => null);
  const mqtt = (await labInfo)?.mqtt;
  if (mqtt) description.native = { host: mqtt.host, port: mqtt.tcpPort };

  return description;
}

/** A connection failure in the shell's terms; a CONNACK refusal keeps its return code. */
function failure(error: unknown): MqttConnectFailure {
  if (error instanceof ConnectError) {
    const connack = /^CONNACK (\d+)/.exec(error.title);
    return new MqttConnectFailure(
      error.title,
      error.message,
      connack ? Number(connack[1]) : undefined,
    );
  }

  return new MqttConnectFailure('Could not connect', (error as Error).message);
}

function adapt(session: MqttSession): MqttPortSession {
  const decoder = new TextDecoder();

  return {
    clientId: session.clientId,
    subscribe: (filter, qos) => session.subscribe(filter, qos),
    publish: (topic, payload, options) => session.publish(topic, payload, options),
    end: () => session.end(),
    on<E extends keyof PortSessionEvents>(event: E, listener: PortSessionEvents[E]) {
      if (event === 'message') {
        const onMessage = listener as PortSessionEvents['message'];
        return session.on('message', (m) =>
          onMessage({
            topic: m.topic,
            payload: decoder.decode(m.payload),
            bytes: m.payload.length,
            qos: m.qos,
            retain: m.retain,
          }),
        );
      }
      if (event === 'refusal') {
        const onRefusal = listener as PortSessionEvents['refusal'];
        return session.on('refusal', (refusal: Refusal, action, target) =>
          onRefusal({ action, target, ...refusal }),
        );
      }
      return session.on('closed', listener as PortSessionEvents['closed']);
    },
  };
}
