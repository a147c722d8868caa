/** An in-memory broker, a hand-driven clock and a recording terminal, for the shell's tests. */
import { matchTopic } from '../../../src/core/mqtt/index.ts';
import {
  MemoryFileArea,
  Shell,
  createInterrupter,
  type BrokerDescription,
  type Clock,
  type MqttPort,
  type MqttPortSession,
  type PortMessage,
  type PortSessionEvents,
  type QoS,
  type TerminalPort,
} from '../../../src/core/shell/index.ts';
import { MqttConnectFailure } from '../../../src/core/shell/index.ts';

type Listeners = { [E in keyof PortSessionEvents]: Set<PortSessionEvents[E]> };

class FakeSession implements MqttPortSession {
  readonly filters = new Map<string, QoS>();
  ended = false;
  readonly listeners: Listeners = { message: new Set(), closed: new Set(), refusal: new Set() };

  constructor(
    private readonly broker: FakeBroker,
    readonly clientId: string,
  ) {}

  async subscribe(filter: string, qos: QoS): Promise<number> {
    if (this.broker.refusedFilters.has(filter)) return 0x80;
    this.filters.set(filter, qos);
    this.broker.subscribed.push(filter);
    // Retained messages follow the SUBACK [MQTT-3.3.1-6].
    setTimeout(() => {
      for (const message of this.broker.retained.values()) {
        if (matchTopic(filter, message.topic, 'mqtt').matched)
          this.deliver({ ...message, retain: true });
      }
    });
    return qos;
  }

  async publish(topic: string, payload: string, options: { qos: QoS; retain: boolean }) {
    this.broker.publish(topic, payload, options);
  }

  on<E extends keyof PortSessionEvents>(event: E, listener: PortSessionEvents[E]): () => void {
    const set = this.listeners[event] as Set<PortSessionEvents[E]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.broker.sessions.delete(this);
    this.listeners.closed.forEach((l) => l({ reason: 'You disconnected.', byClient: true }));
  }

  deliver(message: PortMessage): void {
    this.listeners.message.forEach((l) => l(message));
  }

  /** The broker ends the connection, as the lab does after a refused publish. */
  dropByBroker(reason: string): void {
    this.ended = true;
    this.broker.sessions.delete(this);
    this.listeners.closed.forEach((l) => l({ reason, byClient: false }));
  }
}

export class FakeBroker implements MqttPort {
  readonly connects: string[] = [];
  readonly subscribed: string[] = [];
  readonly published: { topic: string; payload: string; qos: QoS; retain: boolean }[] = [];
  readonly retained = new Map<string, PortMessage>();
  readonly sessions = new Set<FakeSession>();
  readonly refusedFilters = new Set<string>();
  refuseWith: MqttConnectFailure | null = null;
  description: BrokerDescription = {
    label: 'Fake lab',
    url: 'fake://lab',
    explains: true,
    native: { host: '127.0.0.1', port: 1883 },
  };

  async describe(): Promise<BrokerDescription> {
    return this.description;
  }

  async connect({ clientId }: { clientId: string }): Promise<MqttPortSession> {
    this.connects.push(clientId);
    if (this.refuseWith) throw this.refuseWith;

    const session = new FakeSession(this, clientId);
    this.sessions.add(session);
    return session;
  }

  /** Publishes as another client would (the playground, say). */
  publish(
    topic: string,
    payload: string,
    options: { qos: QoS; retain: boolean } = { qos: 0, retain: false },
  ) {
    this.published.push({ topic, payload, ...options });
    const message: PortMessage = {
      topic,
      payload,
      bytes: new TextEncoder().encode(payload).length,
      qos: options.qos,
      retain: false,
    };
    if (options.retain) {
      if (payload === '') this.retained.delete(topic);
      else this.retained.set(topic, message);
    }
    for (const session of [...this.sessions]) {
      for (const [filter, granted] of session.filters) {
        if (!matchTopic(filter, topic, 'mqtt').matched) continue;
        session.deliver({ ...message, qos: Math.min(granted, options.qos) as QoS });
        break;
      }
    }
  }

  /** Resolves once some session has subscribed with `filter`. */
  async waitForSubscription(filter: string): Promise<void> {
    for (let i = 0; i < 100 && !this.subscribed.includes(filter); i++) await tick();
    if (!this.subscribed.includes(filter)) throw new Error(`nobody subscribed to ${filter}`);
  }

  get openSessions(): FakeSession[] {
    return [...this.sessions];
  }
}

/** A clock that moves only when told. */
export class ManualClock implements Clock {
  private time = 0;
  private timers: { at: number; callback: () => void }[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, callback: () => void): () => void {
    const timer = { at: this.time + ms, callback };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    due.forEach((t) => t.callback());
  }
}

export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Lab {
  shell: Shell;
  broker: FakeBroker;
  files: MemoryFileArea;
  clock: ManualClock;
}

export function makeLab(files: Record<string, string> = {}): Lab {
  const broker = new FakeBroker();
  const area = new MemoryFileArea(files);
  const clock = new ManualClock();
  const shell = new Shell({ files: area, mqtt: broker, clock });
  return { shell, broker, files: area, clock };
}

export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

/** Starts a command line; `done` resolves with what it printed, `abort` is Ctrl-C. */
export function start(shell: Shell, line: string) {
  const interrupter = createInterrupter();
  let stdout = '';
  let stderr = '';
  const done = shell
    .run(line, {
      stdout: { write: (t) => (stdout += t) },
      stderr: { write: (t) => (stderr += t) },
      signal: interrupter.signal,
    })
    .then((status): Ran => ({ status, stdout, stderr }));

  return { done, abort: () => interrupter.abort(), output: () => ({ stdout, stderr }) };
}

export function run(shell: Shell, line: string): Promise<Ran> {
  return start(shell, line).done;
}

/** A terminal that records what was written, with the cursor's text rendering ignored. */
export class RecordingTerminal implements TerminalPort {
  written = '';
  cols = 80;
  private dataListeners = new Set<(data: string) => void>();
  private resizeListeners = new Set<(columns: number) => void>();

  columns(): number {
    return this.cols;
  }

  write(data: string): void {
    this.written += data;
  }

  onData(listener: (data: string) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onResize(listener: (columns: number) => void): () => void {
    this.resizeListeners.add(listener);
    return () => this.resizeListeners.delete(listener);
  }

  /** What the learner types, as xterm would send it. */
  type(data: string): void {
    this.dataListeners.forEach((l) => l(data));
  }

  /** The written text without control sequences, for assertions. */
  get plain(): string {
    // eslint-disable-next-line no-control-regex -- stripping the terminal's control sequences
    return this.written.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
  }
}
