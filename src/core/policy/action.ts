/**
 * AWS IoT policy actions (`iot-policy-actions`, `iot-action-resources`) and how a statement's
 * action patterns are compared with a request's action: as wildcard patterns, ignoring case.
 */
import { wildcardMatch } from './glob.ts';
import type { ElementEntry } from './policy-document.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';

/** Every action an IoT policy can grant, in AWS's spelling. */
export const IOT_ACTIONS = [
  'iot:Connect',
  'iot:Publish',
  'iot:Subscribe',
  'iot:Receive',
  'iot:RetainPublish',
  'iot:GetRetainedMessage',
  'iot:ListRetainedMessages',
  'iot:GetThingShadow',
  'iot:UpdateThingShadow',
  'iot:DeleteThingShadow',
  'iot:ListNamedShadowsForThing',
  'iot:DescribeJobExecution',
  'iot:GetPendingJobExecutions',
  'iot:StartNextPendingJobExecution',
  'iot:UpdateJobExecution',
  'iot:AssumeRoleWithCertificate',
  'iot:DeleteConnection',
] as const;

export type IotAction = (typeof IOT_ACTIONS)[number];

/** The four actions an MQTT client's packets are authorized by. */
export const MQTT_ACTIONS = ['iot:Connect', 'iot:Publish', 'iot:Subscribe', 'iot:Receive'] as const;

/** Does the action pattern cover the action? IAM action names ignore case. */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}

/** The IoT actions a pattern covers, e.g. `iot:Pub*` → iot:Publish. */
export function actionsCovered(pattern: string): IotAction[] {
  return IOT_ACTIONS.filter((a) => actionMatches(pattern, a));
}

/** The AWS spelling of an action name written in any case, if it is an IoT action. */
export function canonicalAction(name: string): IotAction | undefined {
  return IOT_ACTIONS.find((a) => a.toLowerCase() === name.toLowerCase());
}

/** Is `pattern` a well-formed action that covers at least one IoT action? */
export function checkAction(entry: ElementEntry): PolicyProblem[] {
  const { value, path } = entry;
  if (value === '*') return [];

  const found = JSON.stringify(value);
  const match = /^([a-zA-Z0-9-]+):([a-zA-Z0-9*?]+)$/.exec(value);
  if (!match) {
    return [
      problem('action-malformed', {
        path,
        found,
        expected: 'service:Action, e.g. "iot:Publish"',
        message:
          `The action ${found} is not of the form service:Action. Write e.g. ` +
          `"iot:Publish"; a wildcard such as "iot:*" covers several.`,
      }),
    ];
  }

  const [, service = ''] = match;
  if (service.toLowerCase() !== 'iot') {
    return [
      problem('action-other-service', {
        path,
        found,
        expected: 'an iot: action, e.g. "iot:Publish"',
        message:
          `${found} belongs to the service "${service}", not AWS IoT. In an IoT policy it ` +
          `never matches an MQTT request; remove it unless you attach this policy for ${service}.`,
      }),
    ];
  }

  if (actionsCovered(value).length > 0) return [];

  const near = nearestAction(value);
  return [
    problem('action-unknown', {
      path,
      found,
      expected: near ? `"${near}"` : `an AWS IoT action, e.g. "iot:Publish"`,
      message:
        `${found} is not an AWS IoT action, so this entry never matches anything.` +
        (near ? ` Did you mean "${near}"?` : ` The MQTT actions are ${MQTT_ACTIONS.join(', ')}.`),
    }),
  ];
}

/** The known action with the fewest edits from `name`, when it is a plausible typo. */
function nearestAction(name: string): IotAction | undefined {
  let best: IotAction | undefined;
  let bestDistance = Infinity;
  for (const action of IOT_ACTIONS) {
    const d = editDistance(action.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [action, d];
  }

  return bestDistance <= 3 ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = row;
  }

  return previous[b.length] ?? 0;
}
