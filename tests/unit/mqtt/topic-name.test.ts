import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/mqtt/profile.ts';
import { validateTopicName } from '../../../src/core/mqtt/topic-name.ts';

const NUL = '\u0000';
const rulesOf = (name: string, profile: Profile) =>
  validateTopicName(name, profile).map((p) => p.rule);

interface NameCase {
  name: string;
  profile: Profile;
  rules: string[];
  why: string;
}

const VALID: NameCase[] = [
  { name: 'sport/tennis/player1', profile: 'mqtt', rules: [], why: 'plain levels' },
  { name: '/', profile: 'mqtt', rules: [], why: 'two empty levels' },
  { name: 'a//b', profile: 'mqtt', rules: [], why: 'an empty level in the middle' },
  { name: '/finance', profile: 'mqtt', rules: [], why: 'a leading separator' },
  { name: ' ', profile: 'mqtt', rules: [], why: 'a space is a character like any other' },
  {
    name: '$SYS/broker/uptime',
    profile: 'mqtt',
    rules: [],
    why: '$ names are only special when matching',
  },
  { name: 'capteurs/température/°C', profile: 'mqtt', rules: [], why: 'non-ASCII UTF-8' },
  {
    name: 'emoji/😀',
    profile: 'mqtt',
    rules: [],
    why: 'a surrogate pair is one well-formed character',
  },
  { name: 'x'.repeat(65535), profile: 'mqtt', rules: [], why: 'exactly 65535 bytes' },
  { name: 'a/b/c/d/e/f/g/h', profile: 'aws-iot', rules: [], why: '7 slashes, 8 levels' },
  { name: 'x'.repeat(256), profile: 'aws-iot', rules: [], why: 'exactly 256 bytes' },
  { name: '$aws/things/lamp/shadow/update', profile: 'aws-iot', rules: [], why: 'an AWS topic' },
  {
    name: '$aws/things/lamp/shadow/name/main/update/accepted',
    profile: 'aws-iot',
    rules: [],
    why: 'a named-shadow topic uses all 8 levels',
  },
  {
    name: '$aws/made/up',
    profile: 'aws-iot',
    rules: [],
    why: 'any $aws/ name passes: whether AWS defines it is for the broker to say',
  },
  {
    name: '$aws/rules/store/a/b/c/d/e/f/g/h',
    profile: 'aws-iot',
    rules: [],
    why: 'the Basic Ingest prefix does not count toward depth',
  },
  {
    name: `$aws/rules/store/${'x'.repeat(256)}`,
    profile: 'aws-iot',
    rules: [],
    why: 'the Basic Ingest prefix does not count toward size',
  },
  { name: 'a/b/c/d/e/f/g/h/i', profile: 'mqtt', rules: [], why: 'MQTT has no depth limit' },
  { name: 'x'.repeat(300), profile: 'mqtt', rules: [], why: 'the 256-byte quota is AWS only' },
];

const INVALID: NameCase[] = [
  { name: '', profile: 'mqtt', rules: ['MQTT-4.7.3-1'], why: 'the empty string' },
  { name: '', profile: 'aws-iot', rules: ['MQTT-4.7.3-1'], why: 'the empty string, AWS' },
  { name: 'hello/+/hi', profile: 'mqtt', rules: ['MQTT-4.7.1-1'], why: "'+' in a name" },
  { name: 'a/#', profile: 'mqtt', rules: ['MQTT-4.7.1-1'], why: "'#' in a name" },
  { name: '#', profile: 'mqtt', rules: ['MQTT-4.7.1-1'], why: "'#' alone" },
  { name: 'a+/b#', profile: 'mqtt', rules: ['MQTT-4.7.1-1', 'MQTT-4.7.1-1'], why: 'one per level' },
  { name: `a${NUL}b`, profile: 'mqtt', rules: ['MQTT-4.7.3-2'], why: 'U+0000' },
  { name: `a/\uD800`, profile: 'mqtt', rules: ['MQTT-1.5.3-1'], why: 'a lone high surrogate' },
  { name: `\uDC00/a`, profile: 'mqtt', rules: ['MQTT-1.5.3-1'], why: 'a lone low surrogate' },
  { name: 'x'.repeat(65536), profile: 'mqtt', rules: ['MQTT-4.7.3-3'], why: '65536 bytes' },
  { name: 'é'.repeat(32768), profile: 'mqtt', rules: ['MQTT-4.7.3-3'], why: '65536 bytes of é' },
  { name: 'x'.repeat(65536), profile: 'aws-iot', rules: ['MQTT-4.7.3-3'], why: 'no AWS echo' },
  { name: 'x'.repeat(257), profile: 'aws-iot', rules: ['AWS-topic-size'], why: '257 bytes' },
  { name: 'é'.repeat(129), profile: 'aws-iot', rules: ['AWS-topic-size'], why: '258 bytes' },
  { name: 'a/b/c/d/e/f/g/h/i', profile: 'aws-iot', rules: ['AWS-topic-depth'], why: '9 levels' },
  { name: '////////', profile: 'aws-iot', rules: ['AWS-topic-depth'], why: 'empty levels count' },
  { name: '$SYS/broker/uptime', profile: 'aws-iot', rules: ['AWS-reserved-topic'], why: '$SYS' },
  { name: '$AWS/things/x', profile: 'aws-iot', rules: ['AWS-reserved-topic'], why: 'case counts' },
  { name: '$share/g/x', profile: 'aws-iot', rules: ['AWS-reserved-topic'], why: 'not a filter' },
  { name: '$', profile: 'aws-iot', rules: ['AWS-reserved-topic'], why: 'a lone $' },
  {
    name: '$aws/rules/store/a/b/c/d/e/f/g/h/i',
    profile: 'aws-iot',
    rules: ['AWS-topic-depth'],
    why: 'Basic Ingest: 9 levels after the prefix',
  },
  {
    name: '$aws/things/+/shadow',
    profile: 'aws-iot',
    rules: ['MQTT-4.7.1-1'],
    why: 'AWS topics follow the MQTT rules too',
  },
];

describe('validateTopicName', () => {
  it.each(VALID)('accepts a name with $why ($profile)', ({ name, profile }) => {
    expect(validateTopicName(name, profile)).toEqual([]);
  });

  it.each(INVALID)('rejects the name in $profile: $why', ({ name, profile, rules }) => {
    expect(rulesOf(name, profile)).toEqual(rules);
  });

  it('every problem has a title and a message, and no rule outside the profile', () => {
    for (const { name, profile } of INVALID) {
      for (const problem of validateTopicName(name, profile)) {
        expect(problem.title).not.toBe('');
        expect(problem.message.length).toBeGreaterThan(40);
        if (profile === 'mqtt') expect(problem.rule).toMatch(/^MQTT-/);
      }
    }
  });
});

describe('topic name messages', () => {
  it('a wildcard in a name points at its character and level, and says what to do', () => {
    const [problem] = validateTopicName('hello/+/hi', 'mqtt');

    expect(problem).toEqual({
      rule: 'MQTT-4.7.1-1',
      title: 'Wildcard in a topic name',
      message: expect.stringContaining("the wildcard '+' at character 7 (level 2 '+')"),
      position: 6,
    });
    expect(problem?.message).toContain('Put a real level name there instead');
  });

  it('an empty name suggests an example name', () => {
    const [problem] = validateTopicName('', 'mqtt');

    expect(problem?.message).toBe(
      'The topic name is empty, but every topic name and topic filter needs at least one ' +
        "character [MQTT-4.7.3-1]. Write a topic name such as 'sensors/temperature'.",
    );
    expect(problem).not.toHaveProperty('position');
  });

  it('a null character is shown escaped, with its place and how many more there are', () => {
    const [problem] = validateTopicName(`ab/c${NUL}d${NUL}`, 'mqtt');

    expect(problem?.position).toBe(4);
    expect(problem?.message).toContain("'ab/c\\u0000d\\u0000'");
    expect(problem?.message).toContain("character 5 (level 2 'c\\u0000d\\u0000') (and 1 more)");
  });

  it('a lone surrogate is named by its code', () => {
    const [problem] = validateTopicName('a/\uD800', 'mqtt');

    expect(problem?.message).toContain('lone UTF-16 surrogate U+D800 at character 3');
  });

  it('a name too long for AWS says how many bytes it has and what the quota is', () => {
    const [problem] = validateTopicName('é'.repeat(129), 'aws-iot');

    expect(problem?.message).toBe(
      'The topic name is 258 bytes of UTF-8, but AWS IoT Core accepts at most 256 bytes in ' +
        'a published topic. Shorten its levels.',
    );
  });

  it('a Basic Ingest name too long says the prefix was not counted', () => {
    const [problem] = validateTopicName(`$aws/rules/store/${'x'.repeat(257)}`, 'aws-iot');

    expect(problem?.message).toContain(
      "(not counting the Basic Ingest prefix '$aws/rules/store/')",
    );
  });

  it('a name too deep for AWS points at the first separator over the quota', () => {
    const [problem] = validateTopicName('a/b/c/d/e/f/g/h/i', 'aws-iot');

    expect(problem?.position).toBe(15);
    expect(problem?.message).toContain("has 8 '/' separators, so 9 levels");
    expect(problem?.message).toContain("The 8th '/' is character 16 (level 8 'h')");
  });

  it('a reserved $ name suggests the name without the $', () => {
    const [problem] = validateTopicName('$SYS/broker/uptime', 'aws-iot');

    expect(problem?.message).toContain("Drop the '$' ('SYS/broker/uptime')");
  });
});
