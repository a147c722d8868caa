import type { LabEvent } from '../../core/lab/lab-event.ts';
import type { BrokerTarget, Connection, MqttSession } from './connection.ts';
import { openMqttSession } from './mqtt-ws-session.ts';

/** What the lab server's `/api/lab` answers (see src/sandbox/lab-api.ts). */
interface LabInfo {
  kind: 'handshake-lab-server';
  version: string;
  mqtt: { websocketPath: string; tcpPort: number; host: string };
}

/** Asks the origin that served the page whether it is a Handshake lab server. */
export async function findLabServer(origin: string): Promise<BrokerTarget | null> {
  try {
    const response = await fetch(new URL('/api/lab', origin), { cache: 'no-store' });
    if (!response.ok) return null;
    const info = (await response.json()) as Partial<LabInfo>;
    if (info.kind !== 'handshake-lab-server' || !info.mqtt) return null;

    const ws = new URL(info.mqtt.websocketPath, origin);
    ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
    return {
      kind: 'lab-server',
      label: 'Lab server (npm start)',
      url: ws.toString(),
      explains: true,
    };
  } catch {
    // A static host has no /api: the page simply is not served by a lab server.
    return null;
  }
}

/**
 * MQTT over WebSocket to the lab server. Because the lab sees why it refuses things, each
 * session also listens to the lab's event stream for refusals of its own client ID.
 */
export function labServerConnection(target: BrokerTarget, origin: string): Connection {
  return {
    target,
    async connect(options): Promise<MqttSession> {
      const session = await openMqttSession(target.url, options);
      const events = new EventSource(
        new URL(`/api/events?clientId=${encodeURIComponent(options.clientId)}`, origin),
      );
      const forward = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as LabEvent;
        if (event.type === 'refusal') {
          refusals.forEach((listener) => listener(event.refusal, event.action, event.target));
        }
      };
      const refusals = new Set<
        (r: Extract<LabEvent, { type: 'refusal' }>['refusal'], a: string, t: string) => void
      >();
      events.addEventListener('message', forward);
      // Refusals may arrive just after the broker closes the socket, so the stream outlives it
      // until the learner ends the session.
      await new Promise<void>((resolve) => {
        events.addEventListener('open', () => resolve(), { once: true });
        setTimeout(resolve, 1500);
      });

      return {
        ...session,
        on(event, listener) {
          if (event !== 'refusal') return session.on(event, listener);
          refusals.add(listener as never);
          return () => refusals.delete(listener as never);
        },
        async end() {
          events.close();
          await session.end();
        },
      };
    },
  };
}
