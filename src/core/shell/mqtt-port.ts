/**
 * The broker as the terminal's MQTT commands see it. In the page this is the broker picked for
 * the page (the in-page lab, the lab server or a public broker), so a message published in the
 * terminal reaches the page's other widgets, and theirs reach the terminal.
 */

export type QoS = 0 | 1 | 2;

export interface BrokerDescription {
  /** Shown to the learner, e.g. "Lab server (npm start)". */
  label: string;
  /** ws://… or in-page://lab. */
  url: string;
  /** Whether the broker explains its refusals (the lab brokers do). */
  explains: boolean;
  /** Where native tools reach the same broker over raw MQTT, when they can. */
  native?: { host: string; port: number };
}

export interface PortMessage {
  topic: string;
  /** The payload decoded as UTF-8 (invalid bytes shown as U+FFFD). */
  payload: string;
  /** The payload's length on the wire. */
  bytes: number;
  qos: QoS;
  retain: boolean;
}

/** A refusal a lab broker explained: what it refused, and why. */
export interface PortRefusal {
  action: string;
  target: string;
  title: string;
  message: string;
  rule?: string;
}

export interface PortSessionEvents {
  message: (message: PortMessage) => void;
  /** The connection ended; `byClient` is false when the broker or the network ended it. */
  closed: (closed: { reason: string; byClient: boolean }) => void;
  refusal: (refusal: PortRefusal) => void;
}

export interface MqttPortSession {
  readonly clientId: string;
  /** The granted QoS from SUBACK, or 0x80 when the broker refused the filter. */
  subscribe(filter: string, qos: QoS): Promise<number>;
  /** Resolves once sent (QoS 0) or acknowledged (QoS 1 and 2). */
  publish(topic: string, payload: string, options: { qos: QoS; retain: boolean }): Promise<void>;
  on<E extends keyof PortSessionEvents>(event: E, listener: PortSessionEvents[E]): () => void;
  /** Sends DISCONNECT and closes. */
  end(): Promise<void>;
}

export interface MqttPort {
  describe(): Promise<BrokerDescription>;
  /** Rejects with a MqttConnectFailure when the broker cannot be reached or refuses. */
  connect(options: { clientId: string }): Promise<MqttPortSession>;
}

/** Connecting failed; `connackCode` is set when the broker answered CONNACK with a refusal. */
export class MqttConnectFailure extends Error {
  override name = 'MqttConnectFailure';
  constructor(
    readonly title: string,
    message: string,
    readonly connackCode?: number,
  ) {
    super(message);
  }
}
