import type { Refusal } from '../../core/lab/lab-event.ts';
import type { MqttSession, QoS } from '../connection/connection.ts';
import { inPageConnection } from './in-page-connection.ts';

/*
 * The in-page lab on `window.inPageLab`, for the Playwright tests on /dev/in-page-lab/. It
 * goes through the same Connection port a widget uses; each session is known by a name.
 */

interface SessionLog {
  messages: Array<{ topic: string; payload: string; retain: boolean; qos: QoS }>;
  refusals: Array<Refusal & { action: string; target: string }>;
  closed: { reason: string; byClient: boolean } | null;
}

const connection = inPageConnection();
const sessions = new Map<string, MqttSession>();
const logs = new Map<string, SessionLog>();

const session = (name: string) => {
  const found = sessions.get(name);
  if (!found) throw new Error(`No session named ${name}; connect it first.`);
  return found;
};

export const inPageLabDriver = {
  target: connection.target,

  /** Connects a session; resolves with CONNACK's session-present flag. */
  async connect(name: string, clientId: string, clean = true): Promise<boolean> {
    const opened = await connection.connect({ clientId, clean });
    const log: SessionLog = { messages: [], refusals: [], closed: null };
    opened.on('message', ({ topic, payload, retain, qos }) => {
      log.messages.push({ topic, payload: new TextDecoder().decode(payload), retain, qos });
    });
    opened.on('refusal', (refusal, action, target) =>
      log.refusals.push({ ...refusal, action, target }),
    );
    opened.on('closed', (closed) => (log.closed = closed));
    sessions.set(name, opened);
    logs.set(name, log);
    return opened.sessionPresent;
  },
  subscribe: (name: string, filter: string, qos: QoS = 0) => session(name).subscribe(filter, qos),
  publish: (name: string, topic: string, payload: string, qos: QoS = 0, retain = false) =>
    session(name).publish(topic, payload, { qos, retain }),
  end: (name: string) => session(name).end(),
  log: (name: string): SessionLog | null => logs.get(name) ?? null,
};

declare global {
  interface Window {
    inPageLab?: typeof inPageLabDriver;
  }
}

window.inPageLab = inPageLabDriver;
document.documentElement.dataset['inPageLab'] = 'ready';
