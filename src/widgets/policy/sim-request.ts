/**
 * The request the simulator asks about: an MQTT action and what the client sent, turned into the
 * ARN AWS IoT checks (`iot-action-resources`), with the reasons a broker would refuse the packet
 * before any policy is consulted (MQTT 3.1.1 section 4.7, AWS IoT Core quotas and reserved
 * topics).
 */
import {
  validateTopicFilter,
  validateTopicName,
  type TopicProblem,
} from '../../core/mqtt/index.ts';
import { utf8ByteLength } from '../../core/mqtt/topic-problem.ts';
import { mqttRequests, type AuthorizationRequest } from '../../core/policy/index.ts';

/** The actions an MQTT client's packets are authorized by, in the order a session meets them. */
export const SIM_ACTIONS = [
  'iot:Connect',
  'iot:Publish',
  'iot:RetainPublish',
  'iot:Subscribe',
  'iot:Receive',
] as const;

export type SimAction = (typeof SIM_ACTIONS)[number];

export function isSimAction(value: string): value is SimAction {
  return (SIM_ACTIONS as readonly string[]).includes(value);
}

/** What each action's resource is built from. */
export const TARGET_KIND = {
  'iot:Connect': 'client ID',
  'iot:Publish': 'topic name',
  'iot:RetainPublish': 'topic name',
  'iot:Subscribe': 'topic filter',
  'iot:Receive': 'topic name',
} as const satisfies Record<SimAction, string>;

/** The MQTT packet behind each action, for sentences. */
export const ACTION_PACKET: Record<SimAction, string> = {
  'iot:Connect': 'CONNECT',
  'iot:Publish': 'PUBLISH',
  'iot:RetainPublish': 'PUBLISH with RETAIN set',
  'iot:Subscribe': 'SUBSCRIBE',
  'iot:Receive': 'delivery of a message',
};

/** A reason the broker turns the packet away before it looks at a policy. */
export type Refusal = Pick<TopicProblem, 'rule' | 'title' | 'message'>;

export interface SimRequest {
  request: AuthorizationRequest;
  /** The client ID, topic name or topic filter the ARN was built from. */
  target: string;
  refusals: Refusal[];
}

/** AWS IoT Core accepts client IDs of up to 128 bytes (AWS IoT Core quotas). */
export const MAX_CLIENT_ID_BYTES = 128;

/** The region and account, as typed. */
export interface ScopeFields {
  region: string;
  account: string;
}

/** The request for the action, and why a broker would refuse it before authorization. */
export function simRequest(
  action: SimAction,
  what: { clientId: string; topic: string; filter: string },
  scope: ScopeFields,
): SimRequest {
  const arnScope = { region: scope.region.trim(), account: scope.account.trim() };

  switch (action) {
    case 'iot:Connect':
      return {
        request: mqttRequests.connect(what.clientId, arnScope),
        target: what.clientId,
        refusals: clientIdRefusals(what.clientId),
      };
    case 'iot:Subscribe':
      return {
        request: mqttRequests.subscribe(what.filter, arnScope),
        target: what.filter,
        refusals: validateTopicFilter(what.filter, 'aws-iot'),
      };
    case 'iot:Publish':
      return topicRequest(mqttRequests.publish(what.topic, arnScope), what.topic, false);
    case 'iot:RetainPublish':
      return topicRequest(mqttRequests.retainPublish(what.topic, arnScope), what.topic, true);
    case 'iot:Receive':
      return topicRequest(mqttRequests.receive(what.topic, arnScope), what.topic, false);
  }
}

function topicRequest(request: AuthorizationRequest, topic: string, retained: boolean): SimRequest {
  const refusals: Refusal[] = validateTopicName(topic, 'aws-iot');
  if (retained && topic.startsWith('$')) {
    refusals.push({
      rule: 'AWS-reserved-retain',
      title: 'Retained publish to a reserved topic',
      message:
        `AWS IoT Core does not accept a retained publish to a reserved topic such as ` +
        `"${topic}". Publish it without RETAIN, or retain it on a topic of your own.`,
    });
  }

  return { request, target: topic, refusals };
}

/** Client IDs the broker refuses: none at all, or longer than AWS allows. */
export function clientIdRefusals(clientId: string): Refusal[] {
  if (clientId === '') {
    return [
      {
        rule: 'AWS-client-id',
        title: 'No client ID',
        message:
          'Type a client ID: iot:Connect is checked against client/<client ID>, and every ' +
          'request carries it as iot:ClientId. (An MQTT 5 client may leave it empty; AWS IoT ' +
          'Core then assigns one, and that is the ID the policy sees.)',
      },
    ];
  }

  const bytes = utf8ByteLength(clientId);
  if (bytes > MAX_CLIENT_ID_BYTES) {
    return [
      {
        rule: 'AWS-client-id',
        title: 'Client ID too long',
        message:
          `The client ID is ${bytes} bytes of UTF-8, but AWS IoT Core accepts at most ` +
          `${MAX_CLIENT_ID_BYTES}. Shorten it.`,
      },
    ];
  }

  return [];
}

/** What is wrong with the Region or account a learner typed; request ARNs use them as typed. */
export function scopeProblems(scope: ScopeFields): { field: keyof ScopeFields; message: string }[] {
  const problems: { field: keyof ScopeFields; message: string }[] = [];
  const region = scope.region.trim();
  const account = scope.account.trim();

  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    problems.push({
      field: 'region',
      message: `"${region}" does not look like a Region code such as us-east-1 or eu-west-2.`,
    });
  }
  if (!/^\d{12}$/.test(account)) {
    problems.push({
      field: 'account',
      message: `An AWS account ID is 12 digits, such as 123456789012; "${account}" is not.`,
    });
  }

  return problems;
}
