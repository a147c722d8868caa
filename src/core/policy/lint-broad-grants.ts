/**
 * Lints for grants wider than a device needs (`audit-chk-iot-policy-permissive`): every action,
 * every resource, and iot:Connect for any client ID.
 */
import { actionsCovered, actionMatches, IOT_ACTIONS } from './action.ts';
import { arnEntries } from './lint-support.ts';
import type { Policy } from './policy-document.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';

const EXAMPLE_CONNECT =
  'arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}';

export function lintBroadGrants(policy: Policy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];

  for (const s of policy.statements) {
    if (s.effect !== 'Allow') continue;

    if (s.action.name === 'Action') {
      for (const e of s.action.entries) {
        if (actionsCovered(e.value).length < IOT_ACTIONS.length) continue;
        problems.push(
          problem('allow-all-iot-actions', {
            path: e.path,
            found: JSON.stringify(e.value),
            expected:
              'the actions the device uses, e.g. ["iot:Connect", "iot:Publish", "iot:Subscribe", ' +
              '"iot:Receive"]',
            message:
              `${JSON.stringify(e.value)} allows every AWS IoT action: connecting as any ` +
              `client the resources allow, publishing, retaining, subscribing, and the shadow, ` +
              `job and credential actions too. List only the actions the device uses.`,
          }),
        );
      }
    }

    if (s.resource.name === 'Resource') {
      for (const e of s.resource.entries) {
        if (e.value !== '*') continue;
        problems.push(
          problem('allow-any-resource', {
            path: e.path,
            found: '"*"',
            expected:
              'the ARNs the device needs, e.g. ' +
              '"arn:aws:iot:us-east-1:123456789012:topic/${iot:Connection.Thing.ThingName}/*"',
            message:
              '"Resource": "*" lets this statement\'s actions reach every client ID, topic and ' +
              "topic filter in the account, other devices' included. Name the resources, " +
              'scoped to the device with ${iot:Connection.Thing.ThingName}.',
          }),
        );
      }
    }

    const connects =
      s.action.name === 'Action' &&
      s.action.entries.some((e) => actionMatches(e.value, 'iot:Connect'));
    const checksAttachment = s.conditions.some((c) =>
      /^iot:Connection\.Thing\.IsAttached$/i.test(c.key),
    );
    if (!connects || checksAttachment) continue;

    for (const { entry, arn } of arnEntries(s)) {
      const anyName = arn.name === '*' || /^\$\{iot:ClientId\}$/i.test(arn.name ?? '');
      if (arn.type !== 'client' || !anyName) continue;
      problems.push(
        problem('connect-any-client', {
          path: entry.path,
          found: JSON.stringify(entry.value),
          expected:
            `"${EXAMPLE_CONNECT}" with the condition {"Bool": ` +
            `{"iot:Connection.Thing.IsAttached": "true"}}`,
          message:
            `${JSON.stringify(entry.value)} lets whoever holds the certificate connect ` +
            `with any client ID they ` +
            `choose${arn.name === '*' ? '' : ' (${iot:ClientId} is whatever the client sends)'}: ` +
            `another device's ID, which disconnects that device, or '+', which turns per-client ` +
            `topic filters into wildcards. Allow only the thing's own name: "${EXAMPLE_CONNECT}" ` +
            `with a Bool condition iot:Connection.Thing.IsAttached = "true".`,
        }),
      );
    }
  }

  return problems;
}
