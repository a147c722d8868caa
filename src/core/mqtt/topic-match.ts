/**
 * Whether a topic filter matches a topic name, level by level (MQTT 3.1.1 sections 4.7.1 and
 * 4.7.2), with one sentence saying which level decided it.
 */
import type { Profile } from './profile.ts';
import { parseSharedSubscription, validateTopicFilter } from './topic-filter.ts';
import { validateTopicName } from './topic-name.ts';
import { quote, type TopicProblem } from './topic-problem.ts';

export interface TopicMatch {
  filter: string;
  topic: string;
  profile: Profile;
  /** False when the filter or the topic name breaks a rule; `problems` then says which. */
  valid: boolean;
  matched: boolean;
  /** One sentence: why it matched or not, naming the level that decided it. */
  reason: string;
  problems: TopicProblem[];
}

interface Decision {
  matched: boolean;
  reason: string;
}

/** The levels of a topic name or filter: `'sport/'` has two, the second empty. */
export function topicLevels(s: string): string[] {
  return s.split('/');
}

export function matchTopic(filter: string, topicName: string, profile: Profile): TopicMatch {
  const base = { filter, topic: topicName, profile };

  const filterProblems = validateTopicFilter(filter, profile);
  const nameProblems = validateTopicName(topicName, profile);
  if (filterProblems.length > 0 || nameProblems.length > 0) {
    const reason = [
      describeInvalid('topic filter', filter, filterProblems),
      describeInvalid('topic name', topicName, nameProblems),
    ]
      .filter((part) => part !== '')
      .join(', and ');
    const problems = [...filterProblems, ...nameProblems];

    return { ...base, valid: false, matched: false, reason, problems };
  }

  // AWS IoT Core delivers to a `$share/<name>/` group by the filter inside it.
  const shared = profile === 'aws-iot' ? parseSharedSubscription(filter) : undefined;
  const decision = compareLevels(shared?.filter ?? filter, topicName, profile);
  const reason = shared
    ? `${decision.reason} (AWS IoT Core matches the shared subscription group ` +
      `${quote(shared.shareName)} by its filter ${quote(shared.filter)})`
    : decision.reason;

  return { ...base, valid: true, matched: decision.matched, reason, problems: [] };
}

/** "the topic name 'a/#' is invalid (MQTT-4.7.1-1: Wildcard in a topic name)", or ''. */
function describeInvalid(kind: string, s: string, problems: TopicProblem[]): string {
  if (problems.length === 0) return '';

  const rules = problems.map((p) => `${p.rule}: ${p.title}`).join('; ');
  return `the ${kind} ${quote(s)} is invalid (${rules})`;
}

/** Walk the levels of a valid filter and a valid topic name until one level decides. */
function compareLevels(filter: string, topic: string, profile: Profile): Decision {
  const filterLevels = topicLevels(filter);
  const nameLevels = topicLevels(topic);

  const first = filterLevels[0];
  if ((first === '+' || first === '#') && topic.startsWith('$')) {
    const subject =
      filter === first
        ? `${quote(filter)} is a wildcard`
        : `${quote(filter)} starts with '${first}'`;
    return {
      matched: false,
      reason:
        `${subject}, and filters starting with a wildcard do not match topic names starting ` +
        `with '$' [MQTT-4.7.2-1]`,
    };
  }

  const plusMatches: string[] = [];
  for (const [i, level] of filterLevels.entries()) {
    const n = i + 1;
    const got = nameLevels[i];

    if (level === '#') return decideHash(filter, topic, i, profile);

    if (got === undefined) {
      const reason =
        level === '+'
          ? `${quote(topic)} has no level ${n} for '+' to match (that level may be empty, ` +
            `as in ${quote(`${topic}/`)})`
          : `${quote(topic)} has no level ${n} to compare with ${quote(level)}`;
      return { matched: false, reason };
    }

    if (level === '+') {
      plusMatches.push(`level ${n} ${quote(got)}`);
      continue;
    }

    // No normalisation before comparing [MQTT-4.7.3-4]: levels are equal code unit for unit.
    if (level !== got) {
      const caseNote =
        level.toLowerCase() === got.toLowerCase() ? ' (topics are case-sensitive)' : '';
      return {
        matched: false,
        reason: `level ${n} ${quote(got)} does not equal ${quote(level)}${caseNote}`,
      };
    }
  }

  const extra = nameLevels[filterLevels.length];
  if (extra !== undefined) {
    return {
      matched: false,
      reason:
        `level ${filterLevels.length + 1} ${quote(extra)} is beyond the last level of ` +
        `${quote(filter)}, and only '#' matches more levels`,
    };
  }

  const reason =
    plusMatches.length === 0
      ? `the topic name equals the filter, and a filter without wildcards matches only itself`
      : `${levelsMatch(nameLevels.length)}, with '+' matching ${listWords(plusMatches)}`;
  return { matched: true, reason };
}

/** "a", "a and b", "a, b and c". */
function listWords(words: string[]): string {
  const last = words.at(-1) ?? '';
  return words.length <= 1 ? last : `${words.slice(0, -1).join(', ')} and ${last}`;
}

/** "the one level matches", "both levels match" or "all 3 levels match". */
function levelsMatch(count: number): string {
  if (count === 1) return 'the one level matches';

  return count === 2 ? 'both levels match' : `all ${count} levels match`;
}

/** '#' sits at level `i + 1` and every level before it has matched. */
function decideHash(filter: string, topic: string, i: number, profile: Profile): Decision {
  const nameLevels = topicLevels(topic);
  const n = i + 1;

  if (i === 0) {
    return { matched: true, reason: `'#' matches every topic name that does not start with '$'` };
  }

  if (i < nameLevels.length) {
    const rest = nameLevels.slice(i).join('/');
    const last = nameLevels.length;
    const matchedSpan = i === 1 ? 'level 1 matches' : `levels 1 to ${i} match`;
    const restSpan = last === n ? `level ${n}` : `levels ${n} to ${last}`;
    const empty = rest === '' ? ' (an empty level)' : '';
    return {
      matched: true,
      reason: `${matchedSpan}, and '#' matches the remaining ${restSpan} ${quote(rest)}${empty}`,
    };
  }

  // The topic name stops exactly at the parent of '#', as 'sport' does for 'sport/#'.
  const parent = nameLevels[i - 1] ?? '';
  if (profile === 'aws-iot') {
    return {
      matched: false,
      reason:
        `in AWS IoT Core ${quote(filter)} does not match ${quote(topic)} itself: '#' needs at ` +
        `least one level after ${quote(`${topic}/`)}`,
    };
  }

  return {
    matched: true,
    reason: `'#' also matches the parent level ${quote(parent)} [MQTT-4.7.1-2]`,
  };
}
