/**
 * Subscribing is not receiving (`pub-sub-policy`; spec 9.4): a filter the policy lets a client
 * subscribe to delivers nothing unless iot:Receive is allowed on the topics it covers.
 */
import { actionMatches } from './action.ts';
import { arnEntries, decideAlone, sampleTopic, scopeOf } from './lint-support.ts';
import type { Policy } from './policy-document.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';
import { buildArn } from './resource-arn.ts';
import { mqttRequests } from './request.ts';

export function lintReceive(policy: Policy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];

  for (const s of policy.statements) {
    const subscribes =
      s.effect === 'Allow' &&
      s.action.name === 'Action' &&
      s.action.entries.some((e) => actionMatches(e.value, 'iot:Subscribe'));
    if (!subscribes) continue;

    for (const { entry, arn } of arnEntries(s)) {
      if (arn.type !== 'topicfilter' || arn.name === undefined) continue;

      const topic = sampleTopic(arn.name);
      const receive = decideAlone(policy, mqttRequests.receive(topic, scopeOf(arn)));
      if (receive.outcome !== 'implicitly-denied') continue;

      const wanted = buildArn('topic', arn.name.replace(/[+#]/g, '*'), scopeOf(arn));
      problems.push(
        problem('subscribe-without-receive', {
          path: entry.path,
          found: JSON.stringify(entry.value),
          expected: `an Allow on iot:Receive for "${wanted}"`,
          message:
            `Clients may subscribe with this filter, but no statement allows iot:Receive ` +
            `on a topic it covers, such as "${topic}": the SUBACK grants the subscription and ` +
            `then nothing is delivered. Allow iot:Receive on "${wanted}", unless another policy ` +
            `attached to the same certificate does.`,
        }),
      );
    }
  }

  return problems;
}
