/**
 * The documented trap (`pub-sub-policy`; spec 4.3 and 9.5): a Deny on iot:Subscribe compares the
 * filter's text, so a wildcard filter that covers the denied topics, such as `a/#`, goes around
 * it when an Allow accepts that text. Only iot:Receive, checked per message, can stop delivery.
 */
import { actionMatches } from './action.ts';
import { arnEntries, decideAlone, sampleTopic, scopeOf } from './lint-support.ts';
import { nameStatement } from './evaluate.ts';
import type { Policy, PolicyStatement } from './policy-document.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';
import { buildArn } from './resource-arn.ts';
import { mqttRequests } from './request.ts';

export function lintSubscribeDeny(policy: Policy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];

  for (const s of policy.statements.filter(deniesSubscribe)) {
    for (const { entry, arn } of arnEntries(s)) {
      if (arn.type !== 'topicfilter' || arn.name === undefined) continue;

      const scope = scopeOf(arn);
      const bypass = wildcardFilters(arn.name)
        .map((filter) => ({
          filter,
          decision: decideAlone(policy, mqttRequests.subscribe(filter, scope)),
        }))
        .find(({ decision }) => decision.allowed);
      if (!bypass?.decision.decidingStatement) continue;

      const sample = sampleTopic(arn.name);
      const receive = decideAlone(policy, mqttRequests.receive(sample, scope));
      const receiveControlled =
        receive.outcome === 'explicitly-denied' ||
        (!receive.allowed &&
          policy.statements.some((t) =>
            t.action.entries.some((e) => actionMatches(e.value, 'iot:Receive')),
          ));
      if (receiveControlled) continue;

      const topicArn = buildArn('topic', arn.name, scope);
      problems.push(
        problem('deny-subscribe-bypassed-by-wildcards', {
          path: entry.path,
          found: JSON.stringify(entry.value),
          expected:
            `a Deny on iot:Receive for "${topicArn}" (or an Allow on iot:Receive with ` +
            `that NotResource)`,
          message:
            `This Deny does not stop a client subscribing to "${bypass.filter}": ` +
            `iot:Subscribe compares the filter's text, "${bypass.filter}" does not match the ` +
            `Deny, and ${nameStatement(bypass.decision.decidingStatement)} allows it. That ` +
            `subscription then delivers messages on "${sample}" and every other topic the Deny ` +
            `meant to protect. Block delivery instead: deny iot:Receive on "${topicArn}", which ` +
            `AWS checks on every message.`,
        }),
      );
    }
  }

  return problems;
}

function deniesSubscribe(s: PolicyStatement): boolean {
  return (
    s.effect === 'Deny' &&
    s.action.name === 'Action' &&
    s.action.entries.some((e) => actionMatches(e.value, 'iot:Subscribe'))
  );
}

/**
 * Filters that cover topics under the denied pattern's literal levels: each prefix followed by
 * `/#`, the full prefix with one level replaced by `+`, and `#`.
 */
export function wildcardFilters(namePattern: string): string[] {
  const literal = namePattern.split(/[*?]|\$\{/)[0] ?? '';
  const levels = literal.split('/').slice(0, -1);
  const filters: string[] = [];

  // Most specific first, so the finding names the filter a learner would try.
  for (let i = levels.length; i >= 1; i--) filters.push(`${levels.slice(0, i).join('/')}/#`);
  for (let i = levels.length - 1; i >= 0; i--) {
    const withPlus = levels.map((level, j) => (j === i ? '+' : level));
    filters.push(`${withPlus.join('/')}/#`);
  }
  filters.push('#');

  return filters;
}
