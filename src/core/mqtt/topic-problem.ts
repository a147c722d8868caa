/**
 * What can be wrong with a topic name or a topic filter, as values rather than exceptions,
 * and the checks that names and filters share (MQTT 3.1.1 sections 1.5.3 and 4.7.3).
 */

export interface TopicProblem {
  /** Stable id: an MQTT 3.1.1 conformance id, or `AWS-…` for an AWS IoT Core quota or rule. */
  rule: string;
  title: string;
  /** What was received, why it breaks the rule, and what to do instead. */
  message: string;
  /** 0-based index (in UTF-16 code units) of the offending character, when there is one. */
  position?: number;
}

/** Every rule a topic can break, with its short title. */
export const TOPIC_RULES = {
  'MQTT-4.7.3-1': 'Empty topic',
  'MQTT-4.7.3-2': 'Null character in a topic',
  'MQTT-4.7.3-3': 'Topic longer than 65535 bytes',
  'MQTT-1.5.3-1': 'Not well-formed UTF-8',
  'MQTT-4.7.1-1': 'Wildcard in a topic name',
  'MQTT-4.7.1-2': "'#' is not alone in the last level",
  'MQTT-4.7.1-3': "'+' does not fill a whole level",
  'AWS-topic-size': 'Topic longer than 256 bytes',
  'AWS-topic-depth': 'More than 8 topic levels',
  'AWS-reserved-topic': "Reserved '$' topic",
  'AWS-share-name': 'Invalid share name',
  'AWS-share-filter': 'Invalid filter in a shared subscription',
} as const;

export type TopicRuleId = keyof typeof TOPIC_RULES;

/** Whether a string is being checked as a topic name (PUBLISH) or a topic filter (SUBSCRIBE). */
export type TopicKind = 'topic name' | 'topic filter';

export function topicProblem(rule: TopicRuleId, message: string, position?: number): TopicProblem {
  const problem: TopicProblem = { rule, title: TOPIC_RULES[rule], message };
  if (position !== undefined) problem.position = position;

  return problem;
}

/** The length of `s` once encoded as UTF-8; a lone surrogate counts as the 3 bytes of U+FFFD. */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (const char of s) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }

  return bytes;
}

/** Quote a topic for a message: control characters escaped, very long topics shortened. */
export function quote(s: string): string {
  const shown = s.length > 80 ? `${s.slice(0, 60)}…${s.slice(-10)}` : s;
  // Control characters would be invisible, or would move the cursor, in a terminal or a page.
  const escaped = shown.replace(/[\u0000-\u001f\u007f]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });

  return `'${escaped}'`;
}

/** "character 7 (level 2 'tennis#')": where `index` sits, counted from 1 as a reader would. */
export function describePosition(s: string, index: number): string {
  const before = s.slice(0, index);
  const levelNumber = before.split('/').length;
  const levelStart = before.lastIndexOf('/') + 1;
  const levelEnd = s.indexOf('/', index);
  const level = s.slice(levelStart, levelEnd === -1 ? undefined : levelEnd);

  return `character ${[...before].length + 1} (level ${levelNumber} ${quote(level)})`;
}

/** The rules every topic name and topic filter must follow, in any profile. */
export function checkTopicString(s: string, kind: TopicKind): TopicProblem[] {
  if (s.length === 0) {
    const example = kind === 'topic name' ? "'sensors/temperature'" : "'sensors/#' or '#'";
    return [
      topicProblem(
        'MQTT-4.7.3-1',
        `The ${kind} is empty, but every topic name and topic filter needs at least one ` +
          `character [MQTT-4.7.3-1]. Write a ${kind} such as ${example}.`,
      ),
    ];
  }

  const problems: TopicProblem[] = [];

  const nulls = [...s.matchAll(/\u0000/g)].map((m) => m.index);
  const firstNull = nulls[0];
  if (firstNull !== undefined) {
    const more = nulls.length > 1 ? ` (and ${nulls.length - 1} more)` : '';
    problems.push(
      topicProblem(
        'MQTT-4.7.3-2',
        `The ${kind} ${quote(s)} contains the null character U+0000 at ` +
          `${describePosition(s, firstNull)}${more}. Topic names and filters may not contain it ` +
          `[MQTT-4.7.3-2, MQTT-1.5.3-2]; remove it.`,
        firstNull,
      ),
    );
  }

  const loneSurrogate = findLoneSurrogate(s);
  if (loneSurrogate !== undefined) {
    const hex = s.charCodeAt(loneSurrogate).toString(16).toUpperCase();
    problems.push(
      topicProblem(
        'MQTT-1.5.3-1',
        `The ${kind} has a lone UTF-16 surrogate U+${hex} at ` +
          `${describePosition(s, loneSurrogate)}. It is half of a character and has no UTF-8 ` +
          `encoding [MQTT-1.5.3-1]; remove it or complete the pair.`,
        loneSurrogate,
      ),
    );
  }

  const bytes = utf8ByteLength(s);
  if (bytes > 65535) {
    problems.push(
      topicProblem(
        'MQTT-4.7.3-3',
        `The ${kind} is ${bytes} bytes of UTF-8, but MQTT strings hold at most 65535 bytes ` +
          `[MQTT-4.7.3-3]. Use fewer or shorter levels.`,
      ),
    );
  }

  return problems;
}

/** The index of the first UTF-16 surrogate that is not part of a pair, if any. */
function findLoneSurrogate(s: string): number | undefined {
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;

    const next = s.charCodeAt(i + 1);
    const pairs = unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    if (!pairs) return i;
    i++;
  }

  return undefined;
}

/**
 * AWS IoT Core allows at most 7 '/' (8 levels) in a topic name or filter ("AWS IoT Core
 * endpoints and quotas"). Slashes inside the first `uncounted` characters (the Basic Ingest or
 * `$share/<name>/` prefix) do not count.
 */
export function checkAwsDepth(s: string, kind: TopicKind, uncounted = 0): TopicProblem[] {
  const slashes: number[] = [];
  for (let i = s.indexOf('/', uncounted); i !== -1; i = s.indexOf('/', i + 1)) slashes.push(i);

  const eighth = slashes[7];
  if (eighth === undefined) return [];

  const skipped = uncounted > 0 ? ` after the prefix ${quote(s.slice(0, uncounted))}` : '';
  return [
    topicProblem(
      'AWS-topic-depth',
      `The ${kind} ${quote(s)} has ${slashes.length} '/' separators${skipped}, so ` +
        `${slashes.length + 1} levels; AWS IoT Core allows at most 7 '/' (8 levels). The 8th ` +
        `'/' is ${describePosition(s, eighth)}; merge or drop levels.`,
      eighth,
    ),
  ];
}

/**
 * AWS IoT Core reserves every topic that starts with '$' for topics it defines ("Reserved
 * topics"). Anything under `$aws/` is let through: which `$aws` topics exist, and who may use
 * them, is for the broker and the policy to decide, not the syntax check.
 */
export function checkAwsReserved(s: string, kind: TopicKind): TopicProblem[] {
  if (!s.startsWith('$')) return [];

  const firstLevel = s.split('/')[0] ?? s;
  if (firstLevel === '$aws') return [];

  return [
    topicProblem(
      'AWS-reserved-topic',
      `The ${kind} ${quote(s)} starts with '$', and AWS IoT Core keeps topics starting with '$' ` +
        `for the ones it defines, such as '$aws/things/<thingName>/shadow/update'. Drop the ` +
        `'$' (${quote(s.slice(1) || 'topic')}) or use an AWS-defined '$aws/…' topic.`,
      0,
    ),
  ];
}
