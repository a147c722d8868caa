/**
 * Lints for topic and topic-filter resources (`pub-sub-policy`, `basic-policy-variables`):
 * `${iot:ClientId}` in a filter, MQTT wildcards read as if they were policy wildcards, and
 * resources of a type the statement's actions are never checked against.
 */
import { canonicalAction, type IotAction } from './action.ts';
import { arnEntries } from './lint-support.ts';
import type { Policy, PolicyStatement } from './policy-document.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';
import { ACTION_RESOURCE_TYPE } from './resource-arn.ts';

export function lintTopicResources(policy: Policy): PolicyProblem[] {
  return policy.statements.flatMap((s) => [
    ...clientIdInFilters(s),
    ...mqttWildcards(s),
    ...typeMismatches(s),
  ]);
}

function clientIdInFilters(s: PolicyStatement): PolicyProblem[] {
  if (s.effect !== 'Allow') return [];

  return arnEntries(s)
    .filter(({ arn }) => arn.type === 'topicfilter' && /\$\{iot:ClientId\}/i.test(arn.name ?? ''))
    .map(({ entry, arn }) => {
      const asPlus = (arn.name ?? '').replace(/\$\{iot:ClientId\}/gi, '+');
      return problem('client-id-in-topic-filter', {
        path: entry.path,
        found: JSON.stringify(entry.value),
        expected:
          'topicfilter/…/${iot:Connection.Thing.ThingName}/… with IsAttached checked at connect',
        message:
          `\${iot:ClientId} is whatever client ID the device sends. A client that connects ` +
          `with the ID '+' may subscribe to "${asPlus}", a wildcard filter that receives every ` +
          `client's messages there. Use \${iot:Connection.Thing.ThingName} and require ` +
          `iot:Connection.Thing.IsAttached at connect, or allow iot:Connect only for known client ` +
          `IDs.`,
      });
    });
}

function mqttWildcards(s: PolicyStatement): PolicyProblem[] {
  return arnEntries(s).flatMap(({ entry, arn }) => {
    const name = (arn.name ?? '').replace(/\$\{[^}]*\}/g, '');
    if ((arn.type !== 'topic' && arn.type !== 'topicfilter') || !/[+#]/.test(name)) return [];

    const typeAt = entry.value.indexOf(`:${arn.type}/`) + arn.type.length + 2;
    const fixed = entry.value.slice(0, typeAt) + entry.value.slice(typeAt).replace(/[+#]/g, '*');
    const consequence =
      arn.type === 'topic'
        ? 'A topic name never contains them, so this entry never matches a Publish or Receive'
        : `It allows only clients that subscribe with exactly the filter "${arn.name}", not the ` +
          `topics that filter would cover`;
    return [
      problem('mqtt-wildcard-in-resource', {
        path: entry.path,
        found: JSON.stringify(entry.value),
        expected: JSON.stringify(fixed),
        message:
          `In a policy '+' and '#' are ordinary characters, not MQTT wildcards. ` +
          `${consequence}. Write '*' (any characters, '/' included) or '?' (one character) where ` +
          `you meant a wildcard: ${JSON.stringify(fixed)}.`,
      }),
    ];
  });
}

/** Resource types the statement's actions are checked against, when all of them are named. */
function typeMismatches(s: PolicyStatement): PolicyProblem[] {
  if (s.action.name !== 'Action' || s.action.entries.some((e) => /[*?]/.test(e.value))) return [];

  const actions = s.action.entries
    .map((e) => canonicalAction(e.value))
    .filter((a): a is IotAction => a !== undefined);
  // With no known action there is nothing to compare; validation reports the unknown actions.
  if (actions.length === 0) return [];

  const typesUsed = new Set<string>(actions.map((a) => ACTION_RESOURCE_TYPE[a]));
  const entries = arnEntries(s).filter(({ arn }) => !/[*?$]/.test(arn.type));
  const problems: PolicyProblem[] = [];

  for (const { entry, arn } of entries) {
    if (typesUsed.has(arn.type)) continue;

    const subscribeOnTopic = arn.type === 'topic' && actions.includes('iot:Subscribe');
    const fixed = entry.value.replace(':topic/', ':topicfilter/');
    const users = actions.map((a) => `${a} uses ${ACTION_RESOURCE_TYPE[a]}/`).join(', ');
    problems.push(
      subscribeOnTopic
        ? problem('subscribe-topic-arn', {
            path: entry.path,
            found: JSON.stringify(entry.value),
            expected: JSON.stringify(fixed),
            message:
              `iot:Subscribe is checked against topicfilter/ ARNs, so this topic/ ARN ` +
              `never matches a subscription and the client is denied. Write ` +
              `${JSON.stringify(fixed)}; keep a topic/ ARN only for iot:Receive, which is checked ` +
              `on each message delivered.`,
          })
        : problem('resource-type-mismatch', {
            path: entry.path,
            found: JSON.stringify(entry.value),
            expected: `an ARN of a type the statement's actions use (${users})`,
            message:
              `No action in this statement is checked against ${arn.type}/ ARNs ` +
              `(${users}), so this entry never matches. Move it to a statement with the right ` +
              `action, or correct its type.`,
          }),
    );
  }

  return problems;
}
