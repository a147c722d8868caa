/**
 * AWS IoT resource ARNs, `arn:aws:iot:<region>:<account>:<type>/<name>` (`iot-action-resources`),
 * which resource type each action is checked against, and whether a Resource entry has that shape.
 */
import type { IotAction } from './action.ts';
import type { ElementEntry } from './policy-document.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';

/** The region and account a broker builds request ARNs with. */
export interface ArnScope {
  /** Default: 'aws'. */
  partition?: string;
  /** Default: 'us-east-1'. */
  region?: string;
  /** Default: '123456789012', the account of the AWS documentation. */
  account?: string;
}

export const DEFAULT_SCOPE = {
  partition: 'aws',
  region: 'us-east-1',
  account: '123456789012',
} as const satisfies ArnScope;

/** Resource types an IoT policy can name; MQTT uses client, topic and topicfilter. */
export const RESOURCE_TYPES = [
  'client',
  'topic',
  'topicfilter',
  'thing',
  'thinggroup',
  'thingtype',
  'billinggroup',
  'cert',
  'cacert',
  'rolealias',
  'authorizer',
  'policy',
  'job',
  'jobtemplate',
  'rule',
  'destination',
  'provisioningtemplate',
  'otaupdate',
  'stream',
  'tunnel',
  'domainconfiguration',
  'dimension',
  'securityprofile',
  'custommetric',
  'fleetmetric',
  'index',
] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** The resource each action is checked against; `*` means the resource must be "*". */
export const ACTION_RESOURCE_TYPE: Record<IotAction, ResourceType | '*'> = {
  'iot:Connect': 'client',
  'iot:Publish': 'topic',
  'iot:RetainPublish': 'topic',
  'iot:Receive': 'topic',
  'iot:GetRetainedMessage': 'topic',
  'iot:Subscribe': 'topicfilter',
  'iot:ListRetainedMessages': '*',
  'iot:ListNamedShadowsForThing': '*',
  'iot:GetThingShadow': 'thing',
  'iot:UpdateThingShadow': 'thing',
  'iot:DeleteThingShadow': 'thing',
  'iot:DescribeJobExecution': 'thing',
  'iot:GetPendingJobExecutions': 'thing',
  'iot:StartNextPendingJobExecution': 'thing',
  'iot:UpdateJobExecution': 'thing',
  'iot:AssumeRoleWithCertificate': 'rolealias',
  'iot:DeleteConnection': 'client',
};

/** The six colon-separated parts of an ARN; `resource` is everything after the fifth colon. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
  /** Before the first `/` of `resource`, e.g. `topicfilter`. */
  type: string;
  /** After the first `/` of `resource`, e.g. `sensors/+/temp`; undefined when there is no `/`. */
  name: string | undefined;
}

/** The request ARN for a resource, e.g. `arn:aws:iot:us-east-1:123456789012:topic/a/b`. */
export function buildArn(type: ResourceType, name: string, scope: ArnScope = {}): string {
  const { partition, region, account } = { ...DEFAULT_SCOPE, ...scope };

  return `arn:${partition}:iot:${region}:${account}:${type}/${name}`;
}

/** The parts of an ARN, or undefined when it has fewer than six. `${…}` may hold colons. */
export function parseArn(text: string): ArnParts | undefined {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length && parts.length < 5; i++) {
    if (text.startsWith('${', i)) depth++;
    else if (text[i] === '}' && depth > 0) depth--;
    else if (text[i] === ':' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (parts.length < 5) return undefined;

  const [prefix, partition = '', service = '', region = '', account = ''] = parts;
  if (prefix !== 'arn') return undefined;

  const resource = text.slice(start);
  const slash = resource.indexOf('/');
  return {
    partition,
    service,
    region,
    account,
    resource,
    type: slash === -1 ? resource : resource.slice(0, slash),
    name: slash === -1 ? undefined : resource.slice(slash + 1),
  };
}

/** Is a Resource entry "*" or a well-formed IoT ARN of a known type? */
export function checkResourceArn(entry: ElementEntry): PolicyProblem[] {
  const { value, path } = entry;
  if (value === '*') return [];

  const found = JSON.stringify(value);
  const example = buildArn('topic', 'sensors/*');
  const arn = parseArn(value);
  if (!arn) {
    const missing = value.startsWith('arn:')
      ? 'has fewer than six colon-separated parts'
      : 'does not start with "arn:"';
    const slash = value.indexOf('/');
    const leadingType = slash === -1 ? '' : value.slice(0, slash);
    const fix = (RESOURCE_TYPES as readonly string[]).includes(leadingType)
      ? `Write the full ARN, e.g. ` +
        `"${buildArn(leadingType as ResourceType, value.slice(slash + 1))}".`
      : `Write arn:aws:iot:<region>:<account>:<type>/<name>, e.g. "${example}".`;
    return [
      problem('resource-arn-malformed', {
        path,
        found,
        expected: `"*" or an ARN such as "${example}"`,
        message: `The resource ${found} ${missing}, so it never matches a request ARN. ${fix}`,
      }),
    ];
  }

  if (arn.service !== 'iot' && !/[*?]/.test(arn.service)) {
    return [
      problem('resource-other-service', {
        path,
        found,
        expected: `an arn:aws:iot:… ARN, e.g. "${example}"`,
        message:
          `The resource ${found} belongs to the service "${arn.service}", so no AWS IoT ` +
          `request ever matches it.`,
      }),
    ];
  }

  const problems: PolicyProblem[] = [];
  const typeIsPattern = /[*?$]/.test(arn.type);
  if (!typeIsPattern && !(RESOURCE_TYPES as readonly string[]).includes(arn.type)) {
    const near = RESOURCE_TYPES.find(
      (t) => t === arn.type.toLowerCase() || `${t}s` === arn.type.toLowerCase(),
    );
    problems.push(
      problem('resource-type-unknown', {
        path,
        found: JSON.stringify(arn.type),
        expected: near ? `"${near}"` : 'client, topic or topicfilter (for MQTT)',
        message:
          `The resource type "${arn.type}" in ${found} is not an AWS IoT resource type, so the ` +
          `entry never matches. ` +
          (near
            ? `Write "${near}/…" (types are lower case and singular).`
            : 'MQTT requests use client/<clientId>, topic/<topic name> and topicfilter/<topic ' +
              'filter>.'),
      }),
    );
  } else if (!typeIsPattern && arn.name === undefined) {
    problems.push(
      problem('resource-arn-malformed', {
        path,
        found,
        expected: `${arn.type}/<name>, e.g. "${buildArn('topic', 'sensors/*')}"`,
        message:
          `The resource ${found} names the type "${arn.type}" but no "/" and name after ` +
          `it, so it never matches. Add "/" and a name or a wildcard, e.g. "${arn.type}/*".`,
      }),
    );
  }

  return problems;
}
