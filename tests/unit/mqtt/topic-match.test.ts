import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/mqtt/profile.ts';
import { matchTopic, topicLevels } from '../../../src/core/mqtt/topic-match.ts';

type MatchRow = [
  filter: string,
  topic: string,
  profile: Profile,
  matched: boolean,
  because: string,
];

// The examples of MQTT 3.1.1 section 4.7, then AWS IoT Core's differences. `because` is a part
// of the reason that must appear: it names the level that decided.
// One case per line reads as a table, so the formatter is asked to leave it alone.
// prettier-ignore
const SCENARIOS: MatchRow[] = [
  ['sport/#', 'sport', 'mqtt', true, "'#' also matches the parent level 'sport' [MQTT-4.7.1-2]"],
  ['sport/#', 'sport/', 'mqtt', true, "the remaining level 2 '' (an empty level)"],
  ['sport/#', 'sport/tennis/player1', 'mqtt', true, "levels 2 to 3 'tennis/player1'"],
  ['sport/tennis/player1/#', 'sport/tennis/player1', 'mqtt', true, "parent level 'player1'"],
  ['sport/tennis/player1/#', 'sport/tennis/player1/ranking', 'mqtt', true, "levels 1 to 3 match, and '#' matches the remaining level 4 'ranking'"],
  ['sport/tennis/player1/#', 'sport/tennis/player2', 'mqtt', false, "level 3 'player2' does not equal 'player1'"],
  ['sport/#', 'sports', 'mqtt', false, "level 1 'sports' does not equal 'sport'"],
  ['sport/+', 'sport', 'mqtt', false, "'sport' has no level 2 for '+' to match"],
  ['sport/+', 'sport/', 'mqtt', true, "'+' matching level 2 ''"],
  ['sport/tennis/+', 'sport/tennis/player1', 'mqtt', true, "'+' matching level 3 'player1'"],
  ['sport/tennis/+', 'sport/tennis/player1/ranking', 'mqtt', false, "level 4 'ranking' is beyond the last level of 'sport/tennis/+'"],
  ['+', 'finance', 'mqtt', true, "the one level matches, with '+' matching level 1 'finance'"],
  ['+', '/finance', 'mqtt', false, "level 2 'finance' is beyond the last level of '+'"],
  ['+/+', '/finance', 'mqtt', true, "'+' matching level 1 '' and level 2 'finance'"],
  ['/+', '/finance', 'mqtt', true, "'+' matching level 2 'finance'"],
  ['+/+/+', 'a/b/c', 'mqtt', true, "level 1 'a', level 2 'b' and level 3 'c'"],
  ['+/tennis/#', 'sport/tennis/player1', 'mqtt', true, "levels 1 to 2 match"],
  ['#', 'sport/tennis', 'mqtt', true, "'#' matches every topic name that does not start with '$'"],
  ['#', '$SYS/broker/uptime', 'mqtt', false, "'#' is a wildcard, and filters starting with a wildcard do not match topic names starting with '$' [MQTT-4.7.2-1]"],
  ['+/#', '$SYS/broker/uptime', 'mqtt', false, "'+/#' starts with '+'"],
  ['+/monitor/Clients', '$SYS/monitor/Clients', 'mqtt', false, '[MQTT-4.7.2-1]'],
  ['$SYS/#', '$SYS/broker/uptime', 'mqtt', true, "'#' matches the remaining levels 2 to 3"],
  ['$SYS/monitor/+', '$SYS/monitor/Clients', 'mqtt', true, "'+' matching level 3 'Clients'"],
  ['sport/tennis', 'sport/tennis', 'mqtt', true, 'a filter without wildcards matches only itself'],
  ['sport/tennis', 'sport/tennis/', 'mqtt', false, "level 3 '' is beyond the last level"],
  ['sport/tennis', 'sport', 'mqtt', false, "'sport' has no level 2 to compare with 'tennis'"],
  ['sport/tennis', 'Sport/tennis', 'mqtt', false, '(topics are case-sensitive)'],
  ['sport/golf', 'sport/tennis', 'mqtt', false, "level 2 'tennis' does not equal 'golf'"],
  ['$share/g/#', 'sport', 'mqtt', false, "level 1 'sport' does not equal '$share'"],
  ['$share/g/#', '$share/g/sport', 'mqtt', true, "'#' matches the remaining level 3 'sport'"],

  ['sport/#', 'sport', 'aws-iot', false, "in AWS IoT Core 'sport/#' does not match 'sport' itself: '#' needs at least one level after 'sport/'"],
  ['sport/#', 'sport/', 'aws-iot', true, "the remaining level 2 ''"],
  ['sport/#', 'sport/tennis', 'aws-iot', true, "level 2 'tennis'"],
  ['sport/+', 'sport', 'aws-iot', false, "no level 2 for '+'"],
  ['#', '$aws/things/lamp/shadow/update', 'aws-iot', false, '[MQTT-4.7.2-1]'],
  ['$aws/things/+/shadow/#', '$aws/things/lamp/shadow/update', 'aws-iot', true, "'#' matches the remaining level 5 'update'"],
  ['$share/g/sport/#', 'sport/tennis', 'aws-iot', true, "the shared subscription group 'g' by its filter 'sport/#'"],
  ['$share/g/sport/#', 'sport', 'aws-iot', false, "'sport/#' does not match 'sport' itself"],
  ['$share/g/#', '$aws/things/lamp/shadow/update', 'aws-iot', false, "'#' is a wildcard"],
];

describe('matchTopic', () => {
  it.each(SCENARIOS)(
    '%s against %s in %s: matched=%s',
    (filter, topic, profile, matched, because) => {
      const result = matchTopic(filter, topic, profile);

      expect(result).toMatchObject({ filter, topic, profile, valid: true, matched, problems: [] });
      expect(result.reason).toContain(because);
    },
  );

  it('gives the exact sentence for a level that does not match', () => {
    expect(matchTopic('sport/golf', 'sport/tennis', 'mqtt').reason).toBe(
      "level 2 'tennis' does not equal 'golf'",
    );
  });

  it('every reason is one sentence', () => {
    for (const [filter, topic, profile] of SCENARIOS) {
      expect(matchTopic(filter, topic, profile).reason).not.toMatch(/\.\s+[A-Z]/);
    }
  });
});

describe('matchTopic with an invalid filter or topic name', () => {
  it('an invalid filter makes the result invalid, and the reason names the filter', () => {
    const result = matchTopic('a/#/b', 'a/x/b', 'mqtt');

    expect(result.valid).toBe(false);
    expect(result.matched).toBe(false);
    expect(result.problems.map((p) => p.rule)).toEqual(['MQTT-4.7.1-2']);
    expect(result.reason).toBe(
      "the topic filter 'a/#/b' is invalid (MQTT-4.7.1-2: '#' is not alone in the last level)",
    );
  });

  it('an invalid topic name makes the result invalid, and the reason names the topic name', () => {
    const result = matchTopic('hello/#', 'hello/+/hi', 'mqtt');

    expect(result).toMatchObject({ valid: false, matched: false });
    expect(result.problems.map((p) => p.rule)).toEqual(['MQTT-4.7.1-1']);
    expect(result.reason).toBe(
      "the topic name 'hello/+/hi' is invalid (MQTT-4.7.1-1: Wildcard in a topic name)",
    );
  });

  it('when both are invalid, both are named, the filter first', () => {
    const result = matchTopic('sport+', '', 'mqtt');

    expect(result.problems.map((p) => p.rule)).toEqual(['MQTT-4.7.1-3', 'MQTT-4.7.3-1']);
    expect(result.reason).toMatch(
      /^the topic filter 'sport\+' is invalid .*, and the topic name '' is invalid/,
    );
  });

  it('a name containing U+0000 is invalid', () => {
    const result = matchTopic('#', 'a\u0000b', 'mqtt');

    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.rule)).toEqual(['MQTT-4.7.3-2']);
  });

  it('a reserved $ name is invalid in aws-iot but matchable in mqtt', () => {
    expect(
      matchTopic('$SYS/#', '$SYS/broker/uptime', 'aws-iot').problems.map((p) => p.rule),
    ).toEqual(['AWS-reserved-topic', 'AWS-reserved-topic']);
    expect(matchTopic('$SYS/#', '$SYS/broker/uptime', 'mqtt').matched).toBe(true);
  });
});

describe('topicLevels', () => {
  it('splits on every separator, keeping empty levels', () => {
    expect(topicLevels('sport/tennis')).toEqual(['sport', 'tennis']);
    expect(topicLevels('/finance')).toEqual(['', 'finance']);
    expect(topicLevels('/')).toEqual(['', '']);
    expect(topicLevels('sport')).toEqual(['sport']);
  });
});
