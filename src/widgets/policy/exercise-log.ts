import type { Refusal } from '../../core/lab/lab-event.ts';

/** One line of the policy exercise's log of what the broker did. */
export interface LogEntry {
  id: number;
  time: Date;
  kind: 'done' | 'refused' | 'message' | 'note';
  text: string;
  refusal?: Refusal;
}

/** Adds a line to the exercise's log. */
export type Note = (kind: LogEntry['kind'], text: string, refusal?: Refusal) => void;
