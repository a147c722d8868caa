/**
 * Topic names: what a client publishes to (MQTT 3.1.1 sections 4.7 and 1.5.3), plus the extra
 * limits AWS IoT Core puts on a published topic.
 */
import type { Profile } from './profile.ts';
import {
  checkAwsDepth,
  checkAwsReserved,
  checkTopicString,
  describePosition,
  quote,
  topicProblem,
  utf8ByteLength,
  type TopicProblem,
} from './topic-problem.ts';

/** AWS IoT Core's published-topic quota, in bytes of UTF-8. */
export const AWS_TOPIC_NAME_MAX_BYTES = 256;

/** Basic Ingest sends a publish straight to a rule: `$aws/rules/<ruleName>/<topic>`. */
const BASIC_INGEST_PREFIX = /^\$aws\/rules\/[^/]+\//;

/** Every rule `name` breaks as a topic name under `profile`; an empty list means it is valid. */
export function validateTopicName(name: string, profile: Profile): TopicProblem[] {
  const problems = checkTopicString(name, 'topic name');
  if (name.length === 0) return problems;

  problems.push(...checkNoWildcards(name));

  if (profile === 'aws-iot') problems.push(...checkAwsTopicName(name));

  return problems;
}

/** The Basic Ingest prefix of `name` (e.g. `$aws/rules/store/`), or '' when it has none. */
export function basicIngestPrefix(name: string): string {
  return BASIC_INGEST_PREFIX.exec(name)?.[0] ?? '';
}

/** A topic name names exactly one topic, so '+' and '#' have no place in it. */
function checkNoWildcards(name: string): TopicProblem[] {
  const problems: TopicProblem[] = [];

  let levelStart = 0;
  for (const level of name.split('/')) {
    const offset = level.search(/[+#]/);
    if (offset !== -1) {
      const position = levelStart + offset;
      const wildcard = name.charAt(position);
      problems.push(
        topicProblem(
          'MQTT-4.7.1-1',
          `The topic name ${quote(name)} contains the wildcard '${wildcard}' at ` +
            `${describePosition(name, position)}. Wildcards belong in topic filters, used to ` +
            `subscribe; a topic name, used to publish, names one exact topic ` +
            `[MQTT-4.7.1-1, MQTT-3.3.2-2]. Put a real level name there instead.`,
          position,
        ),
      );
    }
    levelStart += level.length + 1;
  }

  return problems;
}

/** The quotas and reserved prefix AWS IoT Core adds ("AWS IoT Core endpoints and quotas"). */
function checkAwsTopicName(name: string): TopicProblem[] {
  const problems: TopicProblem[] = [];
  const prefix = basicIngestPrefix(name);

  // Past 65535 bytes the MQTT rule has already said the topic is too long.
  const bytes = utf8ByteLength(name.slice(prefix.length));
  if (bytes > AWS_TOPIC_NAME_MAX_BYTES && utf8ByteLength(name) <= 65535) {
    const notCounted = prefix ? ` (not counting the Basic Ingest prefix ${quote(prefix)})` : '';
    problems.push(
      topicProblem(
        'AWS-topic-size',
        `The topic name is ${bytes} bytes of UTF-8${notCounted}, but AWS IoT Core accepts at ` +
          `most ${AWS_TOPIC_NAME_MAX_BYTES} bytes in a published topic. Shorten its levels.`,
      ),
    );
  }

  problems.push(...checkAwsDepth(name, 'topic name', prefix.length));
  problems.push(...checkAwsReserved(name, 'topic name'));

  return problems;
}
