/**
 * A policy refusal in a line or two for a client's message log: the decision and the statement
 * behind it, or for an implicit deny the nearest allow and the first thing it lacks. The full
 * view, with every lack and the lab's note, is RefusalView in the policy widgets.
 */
import type { Refusal } from '../../core/lab/lab-event.ts';
import { statementWords } from '../policy/RefusalView.tsx';

export function refusalLines(refusal: Refusal): string[] {
  const why = refusal.explanation;
  if (!why) return [];

  const request = `${why.action} on ${why.resource}`;
  if (why.deciding)
    return [`Explicitly denied: ${request}`, `Decided by ${statementWords(why.deciding)}`];

  const lines = [`Implicitly denied: no statement allows ${request}`];
  if (why.nearest) {
    const lack = why.nearest.lacks[0];
    lines.push(`Nearest allow: ${statementWords(why.nearest)}${lack ? ` (${lack})` : ''}`);
  }
  return lines;
}
