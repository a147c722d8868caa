/**
 * Topic filters: what a client subscribes with (MQTT 3.1.1 section 4.7.1), plus AWS IoT Core's
 * depth quota, reserved '$' topics and `$share/<ShareName>/<filter>` shared subscriptions.
 */
import type { Profile } from './profile.ts';
import {
  checkAwsDepth,
  checkAwsReserved,
  checkTopicString,
  describePosition,
  quote,
  topicProblem,
  type TopicProblem,
} from './topic-problem.ts';

/** AWS IoT Core's limits for `$share/<ShareName>/<filter>`, in characters. */
export const AWS_SHARE_NAME_MAX_CHARS = 128;
export const AWS_SHARED_FILTER_MAX_CHARS = 256;

/** The parts of `$share/<ShareName>/<filter>`; `prefixLength` covers `$share/<ShareName>/`. */
export interface SharedSubscription {
  shareName: string;
  filter: string;
  prefixLength: number;
}

/** Every rule `filter` breaks as a topic filter under `profile`; an empty list means valid. */
export function validateTopicFilter(filter: string, profile: Profile): TopicProblem[] {
  const problems = checkTopicString(filter, 'topic filter');
  if (filter.length === 0) return problems;

  // Only AWS IoT Core gives `$share/` a meaning; in MQTT 3.1.1 it is an ordinary first level.
  const isShared = profile === 'aws-iot' && (filter === '$share' || filter.startsWith('$share/'));
  if (isShared) {
    problems.push(...checkSharedSubscription(filter));
    return problems;
  }

  problems.push(...checkWildcards(filter, 0));

  if (profile === 'aws-iot') {
    problems.push(...checkAwsDepth(filter, 'topic filter'));
    problems.push(...checkAwsReserved(filter, 'topic filter'));
  }

  return problems;
}

/** Split `$share/<ShareName>/<filter>`; undefined when `filter` does not have that shape. */
export function parseSharedSubscription(filter: string): SharedSubscription | undefined {
  if (!filter.startsWith('$share/')) return undefined;

  const nameEnd = filter.indexOf('/', '$share/'.length);
  if (nameEnd === -1) return undefined;

  return {
    shareName: filter.slice('$share/'.length, nameEnd),
    filter: filter.slice(nameEnd + 1),
    prefixLength: nameEnd + 1,
  };
}

/**
 * '#' must be a whole level and the last one [MQTT-4.7.1-2]; '+' must be a whole level
 * [MQTT-4.7.1-3]. Levels before `start` (a `$share/<name>/` prefix) are not checked.
 */
function checkWildcards(filter: string, start: number): TopicProblem[] {
  const problems: TopicProblem[] = [];
  const levels = filter.slice(start).split('/');

  let levelStart = start;
  levels.forEach((level, i) => {
    const levelEnd = levelStart + level.length;
    const withLevel = (replacement: string) => {
      return filter.slice(0, levelStart) + replacement + filter.slice(levelEnd);
    };

    const hash = level.indexOf('#');
    if (hash !== -1 && level !== '#') {
      const position = levelStart + hash;
      const fix =
        hash === level.length - 1 && i === levels.length - 1 && level.split('#').length === 2
          ? `write ${quote(withLevel(`${level.slice(0, -1)}/#`))}`
          : `give '#' a level of its own at the end, as in 'sport/#'`;
      problems.push(
        topicProblem(
          'MQTT-4.7.1-2',
          `In the topic filter ${quote(filter)} the '#' at ${describePosition(filter, position)} ` +
            `shares its level with other characters, but '#' must be a whole level, and the ` +
            `last one [MQTT-4.7.1-2]. To match everything below that point, ${fix}.`,
          position,
        ),
      );
    } else if (level === '#' && i !== levels.length - 1) {
      const position = levelStart;
      problems.push(
        topicProblem(
          'MQTT-4.7.1-2',
          `In the topic filter ${quote(filter)} the '#' at ${describePosition(filter, position)} ` +
            `is followed by more levels, but '#' matches all remaining levels and must be the ` +
            `last one [MQTT-4.7.1-2]. End the filter there (${quote(filter.slice(0, levelEnd))})` +
            ` or use '+' to match just one level (${quote(withLevel('+'))}).`,
          position,
        ),
      );
    }

    const plus = level.indexOf('+');
    if (plus !== -1 && level !== '+') {
      const position = levelStart + plus;
      const ownLevel = level
        .replace(/\+/g, '/+/')
        .replace(/\/{2,}/g, '/')
        .replace(/^\/|\/$/g, '');
      problems.push(
        topicProblem(
          'MQTT-4.7.1-3',
          `In the topic filter ${quote(filter)} the '+' at ${describePosition(filter, position)} ` +
            `shares its level with other characters, but '+' must fill a whole level ` +
            `[MQTT-4.7.1-3]. Put it in a level of its own, as in ${quote(withLevel(ownLevel))}.`,
          position,
        ),
      );
    }

    levelStart = levelEnd + 1;
  });

  return problems;
}

/**
 * AWS IoT Core's shared subscriptions (the `mqtt` page; MQTT 5 section 4.8.2 has the same
 * shape): a non-empty ShareName of at most 128 characters without '/', '+' or '#', then a valid
 * filter of at most 256 characters. The two slashes of the prefix do not count toward depth.
 */
function checkSharedSubscription(filter: string): TopicProblem[] {
  const problems: TopicProblem[] = [];
  const shared = parseSharedSubscription(filter);
  const shareName = shared?.shareName ?? filter.slice('$share/'.length);
  const format = "'$share/<ShareName>/<filter>', e.g. '$share/workers/sensors/#'";

  const nameProblem =
    shareName === ''
      ? 'has no ShareName'
      : [...shareName].length > AWS_SHARE_NAME_MAX_CHARS
        ? `has a ShareName of ${[...shareName].length} characters (at most ` +
          `${AWS_SHARE_NAME_MAX_CHARS} are allowed)`
        : /[+#]/.test(shareName)
          ? `has the ShareName ${quote(shareName)}, which contains a wildcard`
          : undefined;
  if (nameProblem !== undefined) {
    problems.push(
      topicProblem(
        'AWS-share-name',
        `The shared subscription ${quote(filter)} ${nameProblem}. The ShareName names the group ` +
          `of subscribers: give a name of 1 to ${AWS_SHARE_NAME_MAX_CHARS} characters without ` +
          `'/', '+' or '#', in the form ${format}.`,
        '$share/'.length,
      ),
    );
  }

  if (shared === undefined || shared.filter === '') {
    problems.push(
      topicProblem(
        'AWS-share-filter',
        `The shared subscription ${quote(filter)} has no topic filter after its ShareName; ` +
          `write it as ${format}.`,
      ),
    );
    return problems;
  }

  const innerLength = [...shared.filter].length;
  if (innerLength > AWS_SHARED_FILTER_MAX_CHARS) {
    problems.push(
      topicProblem(
        'AWS-share-filter',
        `The topic filter inside the shared subscription is ${innerLength} characters, but AWS ` +
          `IoT Core allows at most ${AWS_SHARED_FILTER_MAX_CHARS} after '$share/<ShareName>/'. ` +
          `Shorten its levels.`,
        shared.prefixLength,
      ),
    );
  }

  problems.push(...checkWildcards(filter, shared.prefixLength));
  problems.push(...checkAwsDepth(filter, 'topic filter', shared.prefixLength));
  for (const problem of checkAwsReserved(shared.filter, 'topic filter')) {
    problems.push({ ...problem, position: shared.prefixLength });
  }

  return problems;
}
