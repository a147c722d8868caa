import { describe, expect, it } from 'vitest';
import { runTopicCheck, TOPIC_CHECK_USAGE } from '../../../src/core/commands/topic-check.ts';

const json = (args: string[]) => JSON.parse(runTopicCheck([...args, '--json']).stdout) as unknown;

describe('handshake topic check, for people', () => {
  it('prints one aligned line per topic saying whether it matches and why', () => {
    const result = runTopicCheck(['sport/#', 'sport/tennis', 'golf']);

    expect(result).toEqual({
      exitCode: 0,
      stderr: '',
      stdout:
        "topic filter 'sport/#', profile mqtt\n" +
        "✔ match     sport/tennis  — level 1 matches, and '#' matches the remaining level 2 'tennis'\n" +
        "✘ no match  golf          — level 1 'golf' does not equal 'sport'\n",
    });
  });

  it('an invalid topic name is reported on its own line, with its rule and advice', () => {
    const result = runTopicCheck(['hello/#', 'hello/world', 'hello/+/hi']);
    const lines = result.stdout.split('\n');

    expect(result.exitCode).toBe(0);
    expect(lines[2]).toBe(
      "✘ invalid   hello/+/hi   — the topic name 'hello/+/hi' is invalid " +
        '(MQTT-4.7.1-1: Wildcard in a topic name)',
    );
    expect(lines[3]).toMatch(/^ {12}↳ The topic name 'hello\/\+\/hi' contains the wildcard '\+'/);
  });

  it('an empty topic name is shown quoted so the learner can see it', () => {
    const { stdout } = runTopicCheck(['#', '']);

    expect(stdout).toContain("✘ invalid   ''  — the topic name '' is invalid (MQTT-4.7.3-1");
  });

  it("the aws-iot profile applies AWS IoT Core's stricter #", () => {
    const { stdout } = runTopicCheck(['--profile', 'aws-iot', 'sport/#', 'sport']);

    expect(stdout).toContain("profile aws-iot\n✘ no match  sport  — in AWS IoT Core 'sport/#'");
  });

  it('accepts --profile=value and options after the arguments', () => {
    const { stdout } = runTopicCheck(['sport/#', 'sport', '--profile=aws-iot']);

    expect(stdout).toContain('✘ no match');
  });

  it('everything after -- is a topic name, even a dash', () => {
    const { exitCode, stdout } = runTopicCheck(['+', '--', '-x', '--json']);

    expect(exitCode).toBe(0);
    expect(stdout).toContain('✔ match     -x');
    expect(stdout).toContain('✔ match     --json');
  });
});

describe('handshake topic check --json', () => {
  it('prints exactly an array of topic, valid, matched and reason', () => {
    expect(json(['sport/+', 'sport', 'sport/', 'a/#'])).toEqual([
      {
        topic: 'sport',
        valid: true,
        matched: false,
        reason: "'sport' has no level 2 for '+' to match (that level may be empty, as in 'sport/')",
      },
      {
        topic: 'sport/',
        valid: true,
        matched: true,
        reason: "both levels match, with '+' matching level 2 ''",
      },
      {
        topic: 'a/#',
        valid: false,
        matched: false,
        reason: "the topic name 'a/#' is invalid (MQTT-4.7.1-1: Wildcard in a topic name)",
      },
    ]);
  });

  it('keeps the topics in the order given, and nothing goes to stderr', () => {
    const result = runTopicCheck(['--json', '#', '$SYS/broker/uptime', 'a', '/']);

    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { topic: string }[]).map((r) => r.topic)).toEqual([
      '$SYS/broker/uptime',
      'a',
      '/',
    ]);
  });
});

describe('handshake topic check with an invalid filter', () => {
  // The rule each filter breaks, as the learner will see it on stderr.
  const CASES = [
    ['a/#/b', 'MQTT-4.7.1-2'],
    ['sport+', 'MQTT-4.7.1-3'],
    ['sport/tennis#', 'MQTT-4.7.1-2'],
    ['a/+b', 'MQTT-4.7.1-3'],
    ['#/', 'MQTT-4.7.1-2'],
    ['', 'MQTT-4.7.3-1'],
  ] as const;

  it.each(CASES)('%j exits 2 and names %s on stderr', (filter, rule) => {
    const result = runTopicCheck([filter, 'sport']);

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`is invalid in the mqtt profile.\n  ${rule} (`);
  });

  it('says what to do', () => {
    const { stderr } = runTopicCheck(['sport/tennis#', 'sport/tennis']);

    expect(stderr).toBe(
      "handshake topic check: the topic filter 'sport/tennis#' is invalid in the mqtt profile.\n" +
        "  MQTT-4.7.1-2 ('#' is not alone in the last level): In the topic filter " +
        "'sport/tennis#' the '#' at character 13 (level 2 'tennis#') shares its level with other " +
        "characters, but '#' must be a whole level, and the last one [MQTT-4.7.1-2]. To match " +
        "everything below that point, write 'sport/tennis/#'.\n",
    );
  });

  it('is judged by the chosen profile', () => {
    expect(runTopicCheck(['$SYS/#', '$SYS/x']).exitCode).toBe(0);

    const aws = runTopicCheck(['$SYS/#', '$SYS/x', '--profile', 'aws-iot', '--json']);
    expect(aws.exitCode).toBe(2);
    expect(aws.stdout).toBe('');
    expect(aws.stderr).toContain('AWS-reserved-topic');
  });
});

describe('handshake topic check usage', () => {
  it('--help prints the usage on stdout and exits 0', () => {
    expect(runTopicCheck(['--help'])).toEqual({
      exitCode: 0,
      stdout: `${TOPIC_CHECK_USAGE}\n`,
      stderr: '',
    });
    expect(runTopicCheck(['sport/#', '-h']).exitCode).toBe(0);
  });

  it('the usage names every profile and the default', () => {
    expect(TOPIC_CHECK_USAGE).toContain('(default: mqtt)');
    expect(TOPIC_CHECK_USAGE).toContain('aws-iot');
  });

  const MISTAKES: [args: string[], says: string][] = [
    [[], 'missing the topic filter and the topic names to check.'],
    [['sport/#'], "missing the topic names to check against 'sport/#'."],
    [['--json'], 'missing the topic filter'],
    [['sport/#', 'sport', '--verbose'], "unknown option '--verbose'."],
    [['sport/#', 'sport', '--profile'], "'--profile' needs a value: mqtt or aws-iot."],
    [
      ['sport/#', 'sport', '--profile', 'mqtt5'],
      "unknown profile 'mqtt5'; use one of: mqtt, aws-iot.",
    ],
    [['sport/#', 'sport', '--profile='], "unknown profile ''"],
  ];

  it.each(MISTAKES)('%j prints usage on stderr and exits 2', (args, says) => {
    const result = runTopicCheck(args);

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`handshake topic check: ${says}`);
    expect(result.stderr).toContain(TOPIC_CHECK_USAGE);
  });
});
