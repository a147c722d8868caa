/**
 * What the shell tells the page about: goals are checked against these, and the widget's file
 * list refreshes on them. Payloads are text, as the terminal shows them.
 */
export type ShellEvent =
  /** A command line finished with this exit status. */
  | { kind: 'ran'; line: string; status: number }
  /** mosquitto_pub's message was sent (QoS 0) or acknowledged (QoS 1 and 2). */
  | { kind: 'published'; topic: string; payload: string; qos: number; retain: boolean }
  /** mosquitto_sub's subscription was acknowledged; `run` numbers each mosquitto_sub started. */
  | { kind: 'subscribed'; run: number; filters: readonly string[] }
  /** mosquitto_sub received a message; `count` is how many this run has received so far. */
  | {
      kind: 'received';
      run: number;
      topic: string;
      payload: string;
      retain: boolean;
      count: number;
    }
  /** A file was written or removed. */
  | { kind: 'files-changed' }
  /** `aws iot` made a certificate or changed its status; `subject` is RFC 2253 text. */
  | { kind: 'certificate-status'; certificateId: string; subject: string; status: string }
  /** `aws iot test-authorization` decided a request: ALLOWED, EXPLICIT_DENY or IMPLICIT_DENY. */
  | { kind: 'authorization'; action: string; resource: string; decision: string };
