import type { TerminalGoal } from '../../core/shell/goal.ts';

/** What the exercise asks for, in a sentence, shown until the goal is reached. */
export function goalWords(goal: TerminalGoal): string {
  if (goal.kind === 'published') {
    const payload = goal.payload === undefined ? 'a message' : `the message ${goal.payload}`;
    return `publish ${payload} to ${goal.topic} with mosquitto_pub`;
  }

  if (goal.kind === 'certificate') {
    const which =
      goal.commonName === undefined ? 'a certificate' : `a certificate for CN=${goal.commonName}`;
    return `make ${which} ${goal.status} in the lab registry with aws iot`;
  }
  if (goal.kind === 'ran') return `run ${goal.command} until it succeeds`;
  if (goal.kind === 'authorized') {
    return `get the decision ${goal.decision} from aws iot test-authorization`;
  }

  const messages = goal.count === 1 ? 'a message' : `${goal.count} messages`;
  const where = goal.filter === undefined ? '' : ` on topics matching ${goal.filter}`;
  return `receive ${messages}${where} with one mosquitto_sub`;
}
