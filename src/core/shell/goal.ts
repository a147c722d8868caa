/**
 * A lesson's terminal exercise: what the learner's commands should achieve, checked against
 * what the shell reports. Goals are data, so a lesson writes them in MDX.
 */
import { matchTopic } from '../mqtt/index.ts';
import { parseLine } from './parse-line.ts';
import type { ShellEvent } from './shell-event.ts';

export const GOAL_KINDS = ['published', 'received', 'certificate', 'ran', 'authorized'] as const;

export type TerminalGoal =
  /** mosquitto_pub sent a message to `topic` (with exactly `payload`, when given). */
  | { kind: 'published'; topic: string; payload?: string; explain: string }
  /** One mosquitto_sub received `count` messages (on topics matching `filter`, when given). */
  | { kind: 'received'; count: number; filter?: string; explain: string }
  /** `aws iot` left a certificate in `status` (whose subject has CN `commonName`, when given). */
  | { kind: 'certificate'; status: string; commonName?: string; explain: string }
  /** A command line starting with `command` (e.g. `openssl verify`) exited with status 0. */
  | { kind: 'ran'; command: string; explain: string }
  /** `aws iot test-authorization` decided a request so (ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY). */
  | { kind: 'authorized'; decision: string; explain: string };

/** Watches shell events and says when one of the goals is reached, once. */
export class GoalTracker {
  /** Messages counted per goal and mosquitto_sub run, keyed `goal:run`. */
  private readonly counts = new Map<string, number>();
  private reached: TerminalGoal | null = null;

  constructor(private readonly goals: readonly TerminalGoal[]) {}

  /** The goal this event completes, the first time any goal is reached; otherwise null. */
  observe(event: ShellEvent): TerminalGoal | null {
    if (this.reached) return null;

    const goal = this.goals.find((g, i) => this.completes(g, i, event));
    if (goal) this.reached = goal;
    return goal ?? null;
  }

  private completes(goal: TerminalGoal, index: number, event: ShellEvent): boolean {
    if (goal.kind === 'certificate') {
      return (
        event.kind === 'certificate-status' &&
        event.status === goal.status &&
        (goal.commonName === undefined || commonNames(event.subject).includes(goal.commonName))
      );
    }
    if (goal.kind === 'ran') {
      return (
        event.kind === 'ran' && event.status === 0 && startsWithWords(event.line, goal.command)
      );
    }
    if (goal.kind === 'authorized') {
      return event.kind === 'authorization' && event.decision === goal.decision;
    }
    if (goal.kind === 'published') {
      return (
        event.kind === 'published' &&
        event.topic === goal.topic &&
        (goal.payload === undefined || samePayload(event.payload, goal.payload))
      );
    }

    if (event.kind !== 'received') return false;
    if (goal.filter !== undefined && !matchTopic(goal.filter, event.topic, 'mqtt').matched) {
      return false;
    }
    const key = `${index}:${event.run}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count >= goal.count;
  }
}

/** The CN values of an RFC 2253 subject, e.g. `CN=sensor-01,O=Handshake` → ['sensor-01']. */
function commonNames(subject: string): string[] {
  return [...subject.matchAll(/(?:^|,)CN=((?:\\,|[^,])*)/g)].map((m) =>
    m[1]!.replaceAll('\\,', ','),
  );
}

/**
 * `openssl verify -CAfile ca.crt d.crt` starts with the words `openssl verify`. A line of several
 * commands does not count: its status is the last one's, not necessarily this command's.
 */
function startsWithWords(line: string, command: string): boolean {
  const parsed = parseLine(line, { expandStatus: false });
  if (!parsed.ok || parsed.steps.length !== 1) return false;

  const words = line.trim().split(/\s+/);
  const wanted = command.trim().split(/\s+/);
  return wanted.every((w, i) => words[i] === w);
}

/** Equal text, or JSON documents with the same value: `{"t": 21}` is `{"t":21}`. */
function samePayload(sent: string, expected: string): boolean {
  if (sent === expected) return true;

  try {
    return JSON.stringify(JSON.parse(sent)) === JSON.stringify(JSON.parse(expected));
  } catch {
    // Not JSON, so only the exact text counts, and it differed.
    return false;
  }
}
