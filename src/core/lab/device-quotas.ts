import { validateTopicFilter, validateTopicName, type TopicProblem } from '../mqtt/index.ts';
import type { Refusal } from './lab-event.ts';

/*
 * The AWS IoT Core quotas the lab holds devices to (clients that came with a certificate), on
 * top of the MQTT rules of broker-rules.ts that every client follows. Only the topic depth is
 * held for now: at most 7 '/' in a topic name or filter ("AWS IoT Core endpoints and quotas",
 * topic levels; flow-15). The console is not held to it, so it can still show plain MQTT's
 * deeper topics.
 */

const AWS_PROFILE = 'aws-iot';
const DEPTH_RULE = 'AWS-topic-depth';

/** Decides whether a device may publish to a topic name; a refusal closes the connection. */
export function checkDevicePublish(topicName: string): Refusal | null {
  // The aws-iot profile leaves out Basic Ingest's `$aws/rules/<rule>/` prefix, as AWS does.
  const tooDeep = validateTopicName(topicName, AWS_PROFILE).filter((p) => p.rule === DEPTH_RULE);
  if (tooDeep.length === 0) return null;

  return fromProblem(tooDeep[0]!, 'refused the PUBLISH and closed the connection');
}

/** Decides whether a device may subscribe to a topic filter; a refusal answers SUBACK 0x80. */
export function checkDeviceSubscribe(filter: string): Refusal | null {
  const tooDeep = validateTopicFilter(filter, AWS_PROFILE).filter((p) => p.rule === DEPTH_RULE);
  if (tooDeep.length === 0) return null;

  return fromProblem(tooDeep[0]!, 'answered SUBACK 0x80 for this filter');
}

function fromProblem(problem: TopicProblem, outcome: string): Refusal {
  return {
    code: 'topic-too-deep',
    title: problem.title,
    message: `${problem.message} The broker ${outcome}.`,
    rule: problem.rule,
  };
}
