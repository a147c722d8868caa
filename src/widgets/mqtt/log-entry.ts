import type { QoS } from '../../browser/connection/connection.ts';
import type { Refusal } from '../../core/lab/lab-event.ts';

/** One line of a client's log: a received message, or something that happened to the client. */
export type LogEntry =
  | {
      id: number;
      kind: 'message';
      time: Date;
      topic: string;
      qos: QoS;
      retain: boolean;
      payload: Uint8Array;
    }
  | {
      id: number;
      kind: 'info' | 'sent' | 'error';
      time: Date;
      title: string;
      detail?: string;
      /** A lab refusal, whose policy decision the log shows in brief. */
      refusal?: Refusal;
    };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type NewLogEntry = WithoutId<LogEntry>;

let nextId = 1;

export function logEntry(entry: NewLogEntry): LogEntry {
  return { ...entry, id: nextId++ } as LogEntry;
}
