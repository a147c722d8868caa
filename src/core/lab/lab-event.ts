/** How a client reached the lab broker. */
export const TRANSPORTS = ['ws', 'tcp', 'mtls', 'in-page'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** Why a request was refused, in words a learner can act on. */
export interface Refusal {
  /** Stable name, e.g. `reserved-topic`; tests and widgets key on it. */
  code: string;
  title: string;
  message: string;
  /** The rule that decided it: a conformance ID, an AWS IoT page, or a lab rule. */
  rule?: string;
  /** For a refusal by IoT policy: the decision and the statements behind it. */
  explanation?: RefusalExplanation;
}

/** A policy statement named as the learner finds it: policy, version, place and Sid. */
export interface StatementName {
  policy: string;
  /** The policy version in force, e.g. "2". */
  version?: string;
  /** `principal` for a certificate's policy, `thing-group` for a group's. */
  attachedTo: 'principal' | 'thing-group';
  /** E.g. `Statement[1]`. */
  at: string;
  sid?: string;
}

/** Why an IoT policy denied a request (spec §6), in the engine's terms. */
export interface RefusalExplanation {
  outcome: 'explicitly-denied' | 'implicitly-denied';
  /** E.g. `iot:Publish`. */
  action: string;
  /** The request ARN, e.g. `arn:aws:iot:us-east-1:123456789012:topic/a/b`. */
  resource: string;
  /** The Deny that applied, for an explicit deny. */
  deciding?: StatementName;
  /** For an implicit deny: the Allow that came closest, and what it lacks. */
  nearest?: StatementName & { lacks: string[] };
  /** The engine's one-sentence summary. */
  summary: string;
  /** How the lab differs from AWS IoT here, when it does. */
  note?: string;
}

/** The MQTT steps the lab can refuse. */
export const REFUSED_ACTIONS = ['connect', 'publish', 'subscribe', 'receive'] as const;
export type RefusedAction = (typeof REFUSED_ACTIONS)[number];

interface EventBase {
  time: string;
  clientId: string;
  transport: Transport;
}

/** One thing that happened in the lab broker; the log, the API and the widgets all read these. */
export type LabEvent =
  | (EventBase & {
      type: 'connect';
      address: string;
      cleanSession: boolean;
      /** The keep-alive in force, in seconds. */
      keepalive: number;
      /** What the CONNECT asked for, when the lab holds the client to another keep-alive. */
      keepaliveAsked?: number;
    })
  | (EventBase & { type: 'disconnect'; reason: string })
  | (EventBase & { type: 'subscribe'; filter: string; qos: number })
  | (EventBase & { type: 'unsubscribe'; filter: string })
  | (EventBase & {
      type: 'refusal';
      /** `receive`: one delivery to this subscriber was withheld (iot:Receive). */
      action: RefusedAction;
      target: string;
      refusal: Refusal;
    });

/** One line for a log: the event's name, then its fields as key=value. */
export function formatLabEvent(event: LabEvent): string {
  const who = `client=${quote(event.clientId)} via=${event.transport}`;
  switch (event.type) {
    case 'connect':
      return (
        `connect ${who} from=${event.address} clean=${event.cleanSession} ` +
        `keepalive=${event.keepalive}` +
        (event.keepaliveAsked !== undefined ? ` keepalive-asked=${event.keepaliveAsked}` : '')
      );
    case 'disconnect':
      return `disconnect ${who} reason=${quote(event.reason)}`;
    case 'subscribe':
      return `subscribe ${who} filter=${quote(event.filter)} qos=${event.qos}`;
    case 'unsubscribe':
      return `unsubscribe ${who} filter=${quote(event.filter)}`;
    case 'refusal':
      return (
        `refused ${event.action} ${who} target=${quote(event.target)} ` +
        `code=${event.refusal.code} rule=${quote(event.refusal.rule ?? '-')}: ` +
        oneLine(event.refusal.message)
      );
  }
}

// Messages quote what came from the network; escaping control characters keeps one event on
// one line, so a topic name cannot forge a second log line.
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is escaped
  return text.replace(
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// Client IDs and topics come from the network; quoting keeps one event on one line.
function quote(value: string): string {
  return /^[\w./$+#-]+$/.test(value) ? value : JSON.stringify(value);
}
