import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/mqtt/profile.ts';
import {
  parseSharedSubscription,
  validateTopicFilter,
} from '../../../src/core/mqtt/topic-filter.ts';

const rulesOf = (filter: string, profile: Profile) =>
  validateTopicFilter(filter, profile).map((p) => p.rule);

interface FilterCase {
  filter: string;
  profile: Profile;
  rules: string[];
  why: string;
}

const VALID: FilterCase[] = [
  { filter: '#', profile: 'mqtt', rules: [], why: "'#' alone matches everything" },
  { filter: '+', profile: 'mqtt', rules: [], why: "'+' alone" },
  { filter: '/', profile: 'mqtt', rules: [], why: 'two empty levels' },
  { filter: 'a//b', profile: 'mqtt', rules: [], why: 'an empty middle level' },
  { filter: '+/+/+', profile: 'mqtt', rules: [], why: "only '+' levels" },
  { filter: 'sport/', profile: 'mqtt', rules: [], why: 'a trailing empty level' },
  { filter: 'sport/#', profile: 'mqtt', rules: [], why: "'#' after a separator" },
  { filter: '+/tennis/#', profile: 'mqtt', rules: [], why: "'+' first and '#' last" },
  { filter: '/+', profile: 'mqtt', rules: [], why: "'+' after a leading separator" },
  { filter: '$SYS/#', profile: 'mqtt', rules: [], why: 'a $ filter' },
  { filter: '$share/g/#', profile: 'mqtt', rules: [], why: "'$share' is just a level in 3.1.1" },
  { filter: '$share', profile: 'mqtt', rules: [], why: 'a lone $share level' },
  { filter: 'a/b/c/d/e/f/g/h/i', profile: 'mqtt', rules: [], why: 'no depth limit in MQTT' },
  { filter: 'a/b/c/d/e/f/g/#', profile: 'aws-iot', rules: [], why: 'exactly 8 levels' },
  { filter: '$aws/things/+/shadow/#', profile: 'aws-iot', rules: [], why: 'an AWS topic' },
  { filter: '$share/g/sport/#', profile: 'aws-iot', rules: [], why: 'a shared subscription' },
  { filter: '$share/g/#', profile: 'aws-iot', rules: [], why: "a shared '#'" },
  { filter: '$share/g/a/b/c/d/e/f/g/h', profile: 'aws-iot', rules: [], why: '$share slashes free' },
  { filter: `$share/${'n'.repeat(128)}/x`, profile: 'aws-iot', rules: [], why: '128-char share' },
  { filter: `$share/g/${'x'.repeat(256)}`, profile: 'aws-iot', rules: [], why: '256-char inner' },
  { filter: '$share/g/$aws/things/+/shadow/#', profile: 'aws-iot', rules: [], why: 'inner $aws' },
];

const INVALID: FilterCase[] = [
  { filter: '', profile: 'mqtt', rules: ['MQTT-4.7.3-1'], why: 'the empty string' },
  { filter: 'a/#/b', profile: 'mqtt', rules: ['MQTT-4.7.1-2'], why: "'#' not last" },
  { filter: '#/', profile: 'mqtt', rules: ['MQTT-4.7.1-2'], why: "'#' before an empty level" },
  { filter: 'a/#/#', profile: 'mqtt', rules: ['MQTT-4.7.1-2'], why: "the first of two '#'" },
  { filter: 'sport/tennis#', profile: 'mqtt', rules: ['MQTT-4.7.1-2'], why: "'#' inside a level" },
  { filter: '#a', profile: 'mqtt', rules: ['MQTT-4.7.1-2'], why: "'#' followed by text" },
  { filter: '##', profile: 'mqtt', rules: ['MQTT-4.7.1-2'], why: "'#' twice in a level" },
  { filter: 'sport+', profile: 'mqtt', rules: ['MQTT-4.7.1-3'], why: "'+' after text" },
  { filter: 'a/+b', profile: 'mqtt', rules: ['MQTT-4.7.1-3'], why: "'+' before text" },
  { filter: '++', profile: 'mqtt', rules: ['MQTT-4.7.1-3'], why: "'+' twice in a level" },
  { filter: '+#', profile: 'mqtt', rules: ['MQTT-4.7.1-2', 'MQTT-4.7.1-3'], why: 'both at once' },
  { filter: 'a+/b+', profile: 'mqtt', rules: ['MQTT-4.7.1-3', 'MQTT-4.7.1-3'], why: 'per level' },
  { filter: '$share/g/a+b', profile: 'mqtt', rules: ['MQTT-4.7.1-3'], why: 'no $share in 3.1.1' },
  { filter: 'a/\u0000', profile: 'mqtt', rules: ['MQTT-4.7.3-2'], why: 'U+0000' },
  { filter: '\uD83D/#', profile: 'mqtt', rules: ['MQTT-1.5.3-1'], why: 'a lone surrogate' },
  { filter: 'x'.repeat(65536), profile: 'mqtt', rules: ['MQTT-4.7.3-3'], why: '65536 bytes' },
  { filter: '', profile: 'aws-iot', rules: ['MQTT-4.7.3-1'], why: 'the empty string, AWS' },
  { filter: 'a/#/b', profile: 'aws-iot', rules: ['MQTT-4.7.1-2'], why: "'#' not last, AWS" },
  { filter: 'a/b/c/d/e/f/g/h/#', profile: 'aws-iot', rules: ['AWS-topic-depth'], why: '9 levels' },
  { filter: '$SYS/#', profile: 'aws-iot', rules: ['AWS-reserved-topic'], why: 'a $ filter' },
  {
    filter: '$share',
    profile: 'aws-iot',
    rules: ['AWS-share-name', 'AWS-share-filter'],
    why: 'bare',
  },
  {
    filter: '$share/',
    profile: 'aws-iot',
    rules: ['AWS-share-name', 'AWS-share-filter'],
    why: 'no name',
  },
  { filter: '$share/g', profile: 'aws-iot', rules: ['AWS-share-filter'], why: 'no inner filter' },
  {
    filter: '$share/g/',
    profile: 'aws-iot',
    rules: ['AWS-share-filter'],
    why: 'empty inner filter',
  },
  { filter: '$share//x', profile: 'aws-iot', rules: ['AWS-share-name'], why: 'empty ShareName' },
  {
    filter: '$share/a+b/x',
    profile: 'aws-iot',
    rules: ['AWS-share-name'],
    why: "'+' in ShareName",
  },
  { filter: '$share/#/x', profile: 'aws-iot', rules: ['AWS-share-name'], why: "'#' in ShareName" },
  {
    filter: `$share/${'n'.repeat(129)}/x`,
    profile: 'aws-iot',
    rules: ['AWS-share-name'],
    why: 'a 129-character ShareName',
  },
  {
    filter: `$share/g/${'x'.repeat(257)}`,
    profile: 'aws-iot',
    rules: ['AWS-share-filter'],
    why: 'a 257-character inner filter',
  },
  {
    filter: '$share/g/a/#/b',
    profile: 'aws-iot',
    rules: ['MQTT-4.7.1-2'],
    why: 'bad inner filter',
  },
  { filter: '$share/g/sport+', profile: 'aws-iot', rules: ['MQTT-4.7.1-3'], why: "inner '+'" },
  {
    filter: '$share/g/a/b/c/d/e/f/g/h/i',
    profile: 'aws-iot',
    rules: ['AWS-topic-depth'],
    why: '9 levels after the $share prefix',
  },
  { filter: '$share/g/$SYS/#', profile: 'aws-iot', rules: ['AWS-reserved-topic'], why: 'inner $' },
];

describe('validateTopicFilter', () => {
  it.each(VALID)('accepts $filter in $profile ($why)', ({ filter, profile }) => {
    expect(validateTopicFilter(filter, profile)).toEqual([]);
  });

  it.each(INVALID)('rejects the filter in $profile: $why', ({ filter, profile, rules }) => {
    expect(rulesOf(filter, profile)).toEqual(rules);
  });
});

describe('topic filter messages', () => {
  it("'#' before more levels points at the '#' and offers both fixes", () => {
    const [problem] = validateTopicFilter('a/#/b', 'mqtt');

    expect(problem).toEqual({
      rule: 'MQTT-4.7.1-2',
      title: "'#' is not alone in the last level",
      message:
        "In the topic filter 'a/#/b' the '#' at character 3 (level 2 '#') is followed by more " +
        "levels, but '#' matches all remaining levels and must be the last one [MQTT-4.7.1-2]. " +
        "End the filter there ('a/#') or use '+' to match just one level ('a/+/b').",
      position: 2,
    });
  });

  it("'#' glued to a level name suggests giving it its own level", () => {
    const [problem] = validateTopicFilter('sport/tennis#', 'mqtt');

    expect(problem?.position).toBe(12);
    expect(problem?.message).toContain("at character 13 (level 2 'tennis#')");
    expect(problem?.message).toContain("write 'sport/tennis/#'");
  });

  it("'#/' is told that '#' must end the filter", () => {
    const [problem] = validateTopicFilter('#/', 'mqtt');

    expect(problem?.message).toContain("End the filter there ('#')");
  });

  it("'+' glued to a level name suggests a level of its own", () => {
    expect(validateTopicFilter('sport+', 'mqtt')[0]?.message).toContain("as in 'sport/+'");
    expect(validateTopicFilter('a/+b', 'mqtt')[0]?.message).toContain("as in 'a/+/b'");
    expect(validateTopicFilter('a/+b', 'mqtt')[0]?.position).toBe(2);
  });

  it('an empty filter suggests a filter to subscribe with', () => {
    expect(validateTopicFilter('', 'mqtt')[0]?.message).toContain(
      "Write a topic filter such as 'sensors/#' or '#'.",
    );
  });

  it('a ShareName with a wildcard is named, with the expected form', () => {
    const [problem] = validateTopicFilter('$share/a+b/x', 'aws-iot');

    expect(problem?.position).toBe(7);
    expect(problem?.message).toContain("has the ShareName 'a+b', which contains a wildcard");
    expect(problem?.message).toContain("'$share/<ShareName>/<filter>'");
  });

  it('a too-deep shared subscription says the $share prefix was not counted', () => {
    const [problem] = validateTopicFilter('$share/g/a/b/c/d/e/f/g/h/i', 'aws-iot');

    expect(problem?.message).toContain("has 8 '/' separators after the prefix '$share/g/'");
  });

  it('an invalid inner filter is reported at its place in the whole filter', () => {
    const [problem] = validateTopicFilter('$share/g/a/#/b', 'aws-iot');

    expect(problem?.position).toBe(11);
    expect(problem?.message).toContain("End the filter there ('$share/g/a/#')");
  });
});

describe('parseSharedSubscription', () => {
  it('splits a shared subscription into its ShareName and filter', () => {
    expect(parseSharedSubscription('$share/g/sport/#')).toEqual({
      shareName: 'g',
      filter: 'sport/#',
      prefixLength: 9,
    });
  });

  it('returns undefined for anything else', () => {
    expect(parseSharedSubscription('$share/g')).toBeUndefined();
    expect(parseSharedSubscription('sport/#')).toBeUndefined();
  });
});
