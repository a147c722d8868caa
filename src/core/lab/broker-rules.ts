import { validateTopicFilter, validateTopicName, type TopicProblem } from '../mqtt/index.ts';
import type { Refusal } from './lab-event.ts';

// The lab speaks MQTT 3.1.1 (aedes), so the protocol rules are the specification's. AWS IoT
// Core's topic quotas apply to devices only (device-quotas.ts).
const PROFILE = 'mqtt';

const SYS_PREFIX = '$SYS/';

/**
 * Decides whether a client may publish to a topic name. The lab refuses `$SYS/` because
 * those topics carry the broker's own status [MQTT-4.7.2-1 gives `$` topics to the server];
 * a refused PUBLISH closes the connection, as MQTT 3.1.1 has no way to say no to it.
 */
export function checkClientPublish(topicName: string): Refusal | null {
  const problems = validateTopicName(topicName, PROFILE);
  if (problems.length > 0) return fromProblem('invalid-topic-name', problems);

  if (topicName === '$SYS' || topicName.startsWith(SYS_PREFIX)) {
    return {
      code: 'reserved-topic',
      title: 'Publishing to $SYS is not allowed',
      message:
        `The topic name '${topicName}' is under $SYS/, where the broker publishes its own ` +
        'status. Clients may subscribe there but not publish, so the broker closed the ' +
        'connection. Publish to a topic of your own, such as lab/hello.',
      rule: 'MQTT 3.1.1 §4.7.2',
    };
  }

  return null;
}

/** Decides whether a client may subscribe to a topic filter; a refusal answers SUBACK 0x80. */
export function checkClientSubscribe(filter: string): Refusal | null {
  const problems = validateTopicFilter(filter, PROFILE);
  if (problems.length > 0) return fromProblem('invalid-topic-filter', problems);

  return null;
}

function fromProblem(code: string, problems: TopicProblem[]): Refusal {
  const first = problems[0]!;
  return { code, title: first.title, message: first.message, rule: first.rule };
}

/**
 * Decides whether a client may connect with a client ID. AWS IoT Core keeps IDs starting with
 * '$' for the ones it generates ("AWS IoT Core endpoints and quotas", client ID prefix), and
 * the lab refuses them the same way for every client, answering CONNACK 0x02 (identifier
 * rejected, MQTT 3.1.1 §3.2.2.3); AWS does not document which answer it gives (flow-23).
 */
export function checkClientId(clientId: string): Refusal | null {
  if (!clientId.startsWith('$')) return null;

  const instead = clientId.slice(1) || 'device-1';
  return {
    code: 'reserved-client-id',
    title: "Client IDs starting with '$' are reserved",
    message:
      `The client ID '${clientId}' starts with '$', which AWS IoT Core keeps for client IDs ` +
      'it generates itself. The broker answered CONNACK 0x02 (identifier rejected) and closed ' +
      `the connection. Connect with an ID without the '$', such as '${instead}'.`,
    rule: 'AWS IoT Core quotas: client ID prefix',
  };
}
