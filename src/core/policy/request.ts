/**
 * An authorization request: an action and the ARN of the resource it acts on, built the way
 * AWS IoT builds it from an MQTT packet (`iot-action-resources`; spec section 3).
 */
import { canonicalAction, type IotAction } from './action.ts';
import { ACTION_RESOURCE_TYPE, buildArn, type ArnScope } from './resource-arn.ts';

/** What a client asks to do. The request context travels separately. */
export interface AuthorizationRequest {
  /** E.g. `iot:Publish`. Compared ignoring case. */
  action: string;
  /** The full ARN, e.g. `arn:aws:iot:us-east-1:123456789012:topic/sensors/t1`, or "*". */
  resource: string;
}

/** What the client sent: a client ID (CONNECT), a topic name, or a topic filter (SUBSCRIBE). */
export type RequestTarget = { clientId: string } | { topic: string } | { topicFilter: string };

/** The request for an action on what the client sent, or a sentence saying what does not fit. */
export function buildRequest(
  action: string,
  target: RequestTarget,
  scope: ArnScope = {},
): AuthorizationRequest | { mistake: string } {
  const known = canonicalAction(action);
  if (!known) return { mistake: `${JSON.stringify(action)} is not an AWS IoT action.` };

  const type = ACTION_RESOURCE_TYPE[known];
  if (type === '*') return { action: known, resource: '*' };

  const [given, name] = targetOf(target);
  if (given !== type) {
    return {
      mistake:
        `${known} is checked against a ${type}/ ARN, which needs ${describe(type)}, not ` +
        `${describe(given)}.`,
    };
  }

  return { action: known, resource: buildArn(type, name, scope) };
}

/** The resource type each kind of target builds, and the name. */
function targetOf(target: RequestTarget): [string, string] {
  if ('clientId' in target) return ['client', target.clientId];
  if ('topic' in target) return ['topic', target.topic];
  return ['topicfilter', target.topicFilter];
}

function describe(type: string): string {
  const words: Record<string, string> = {
    client: 'a client ID',
    topic: 'a topic name',
    topicfilter: 'a topic filter',
  };
  return words[type] ?? `a ${type} name`;
}

/** The request a broker makes for each MQTT step. */
export const mqttRequests = {
  connect: (clientId: string, scope?: ArnScope) =>
    request('iot:Connect', 'client', clientId, scope),
  publish: (topic: string, scope?: ArnScope) => request('iot:Publish', 'topic', topic, scope),
  retainPublish: (topic: string, scope?: ArnScope) =>
    request('iot:RetainPublish', 'topic', topic, scope),
  subscribe: (filter: string, scope?: ArnScope) =>
    request('iot:Subscribe', 'topicfilter', filter, scope),
  receive: (topic: string, scope?: ArnScope) => request('iot:Receive', 'topic', topic, scope),
};

function request(
  action: IotAction,
  type: 'client' | 'topic' | 'topicfilter',
  name: string,
  scope: ArnScope = {},
): AuthorizationRequest {
  return { action, resource: buildArn(type, name, scope) };
}
