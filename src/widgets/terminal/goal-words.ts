import type { TerminalGoal } from '../../core/shell/goal.ts';

/** What the exercise asks for, in a sentence, shown until the goal is reached. */
export function goalWords(goal: TerminalGoal): string {
  if (goal.kind === 'published') {
    const payload = goal.payload === undefined ? 'a message' : `the message ${goal.payload}`;
    return `publish ${payload} to ${goal.topic} with mosquitto_pub`;
  }

  const messages = goal.count === 1 ? 'a message' : `${goal.count} messages`;
  const where = goal.filter === undefined ? '' : ` on topics matching ${goal.filter}`;
  return `receive ${messages}${where} with one mosquitto_sub`;
}
