import type { Refusal } from '../../core/lab/lab-event.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';

/** The kinds of broker a page can talk to (DESIGN.md, "The three places a message can go"). */
export const BROKER_KINDS = ['lab-server', 'in-page', 'public', 'custom'] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];

/** One broker the learner can pick. */
export interface BrokerTarget {
  kind: BrokerKind;
  label: string;
  /** ws:// or wss:// address of MQTT over WebSocket. */
  url: string;
  /** Whether this broker can explain its refusals (the lab can; a public broker cannot). */
  explains: boolean;
  /** For shared public brokers: the learner's own prefix for topics, e.g. `handshake/x7k2q9ab/`. */
  topicPrefix?: string;
}

export type QoS = 0 | 1 | 2;

export interface ConnectOptions {
  clientId: string;
  /** Start a clean session [MQTT-3.1.2-6]; default true. */
  clean?: boolean;
  /** Keep-alive in seconds [MQTT 3.1.2.10]; default 60. */
  keepalive?: number;
  /**
   * Connect as a device, with its certificate and key: mutual TLS before MQTT. Only the in-page
   * lab takes it (a modelled handshake; a page cannot present a client certificate for real).
   */
  tls?: {
    /** The device certificate, then any intermediates, PEM. */
    certificatePem: string;
    privateKeyPem: string;
    /** The host name the device dials; default `localhost`. */
    serverName?: string;
    /** The clock of the handshake's validity checks; default now. */
    at?: Date;
  };
}

export interface ReceivedMessage {
  topic: string;
  payload: Uint8Array;
  qos: QoS;
  retain: boolean;
  receivedAt: Date;
}

/** How a session's connection ended. */
export interface SessionClosed {
  reason: string;
  /** True when the learner disconnected; false when the broker or the network closed it. */
  byClient: boolean;
}

export interface SessionEvents {
  message: (message: ReceivedMessage) => void;
  closed: (closed: SessionClosed) => void;
  /** The broker refused something and said why (lab brokers only). */
  refusal: (refusal: Refusal, action: string, target: string) => void;
}

/** One MQTT client connected through a Connection. */
export interface MqttSession {
  readonly clientId: string;
  /** CONNACK's session-present flag [MQTT-3.2.2-2]: the broker kept a session for this ID. */
  readonly sessionPresent: boolean;
  /** The report of the TLS handshake, when the session was opened with `tls`. */
  readonly tlsReport?: HandshakeReport;
  /** Resolves with the granted QoS from SUBACK, or 0x80 when the broker refused the filter. */
  subscribe(filter: string, qos: QoS): Promise<number>;
  unsubscribe(filter: string): Promise<void>;
  /** Resolves when sent (QoS 0) or acknowledged by PUBACK (QoS 1). */
  publish(topic: string, payload: string, options: { qos: QoS; retain: boolean }): Promise<void>;
  on<E extends keyof SessionEvents>(event: E, listener: SessionEvents[E]): () => void;
  /** Sends DISCONNECT and closes. */
  end(): Promise<void>;
}

/** The port every MQTT widget talks to; which broker is behind it is the picker's business. */
export interface Connection {
  readonly target: BrokerTarget;
  connect(options: ConnectOptions): Promise<MqttSession>;
}

/** A connection attempt that failed, with the layer that failed as far as a page can tell. */
export class ConnectError extends Error {
  override name = 'ConnectError';
  constructor(
    readonly layer: 'address' | 'websocket' | 'tls' | 'mqtt',
    readonly title: string,
    message: string,
    /** The lab's refusal of CONNECT, with the policy decision behind it, when it said why. */
    readonly refusal?: Refusal,
  ) {
    super(message);
  }
}
