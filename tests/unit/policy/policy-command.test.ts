import { describe, expect, it } from 'vitest';
import {
  POLICY_USAGE,
  runPolicyCommand,
  type FileReader,
} from '../../../src/core/commands/policy-command.ts';
import { POLICY_TEST_USAGE } from '../../../src/core/commands/policy-test.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

/** Files held in memory, as a terminal widget would hold them. */
function reader(files: Record<string, unknown>): FileReader {
  return (path) => {
    const content = files[path];
    if (content === undefined) return { error: `${path}: no such file.` };

    return { text: typeof content === 'string' ? content : JSON.stringify(content) };
  };
}

const FILES = reader({
  'device.json': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['iot:Connect', 'iot:Publish'],
        Resource: [`${ARN}:client/*`, `${ARN}:topic/*`],
      },
    ],
  },
  'group.json': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 'iot:Publish', Resource: `${ARN}:topic/fleet/locked/*` }],
  },
  'thing.json': {
    'iot:Connection.Thing.ThingName': 'sensor-1',
    'iot:Connection.Thing.IsAttached': 'true',
  },
  'typo.json': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iot:Publis', Resource: '*' }],
  },
});

const run = (...args: string[]) => runPolicyCommand(args, FILES);

describe('handshake policy', () => {
  it('lists its subcommands for --help, and exits 2 without one', () => {
    expect(run('--help')).toEqual({ exitCode: 0, stdout: `${POLICY_USAGE}\n`, stderr: '' });
    expect(run().exitCode).toBe(2);
    expect(run('lint').stderr).toContain("handshake policy: unknown subcommand 'lint'.");
  });
});

describe('handshake policy test', () => {
  it('applies a thing-group policy only when the client ID is the thing name', () => {
    const args = [
      'test',
      '--policy',
      'device.json',
      '--thing-group-policy',
      'group.json',
      '--action',
      'iot:Publish',
      '--topic',
      'fleet/locked/a',
    ];

    expect(run(...args, '--client', 'sensor-1', '--context', 'thing.json').exitCode).toBe(1);
    const other = run(...args, '--client', 'other', '--context', 'thing.json');
    expect(other.exitCode).toBe(0);
    expect(other.stdout).toContain(
      'Thing-group policy \'group.json\' is not in effect: the client ID "other" is not the thing name "sensor-1"',
    );
  });

  it('accepts several files after one --policy', () => {
    const result = run(
      'test',
      '--policy',
      'device.json',
      'group.json',
      '--action',
      'iot:Publish',
      '--topic',
      'fleet/locked/a',
    );

    expect(result.stdout).toMatch(
      /^✘ Explicitly denied: policy 'group.json' Statement\[0\] denies/,
    );
  });

  it('builds the ARN with --region and --account', () => {
    const result = run(
      'test',
      '--policy',
      'device.json',
      '--action',
      'iot:Publish',
      '--topic',
      'a',
      '--region',
      'eu-west-1',
      '--json',
    );

    expect(JSON.parse(result.stdout)).toMatchObject({
      allowed: false,
      request: { action: 'iot:Publish', resource: 'arn:aws:iot:eu-west-1:123456789012:topic/a' },
    });
  });

  it('still evaluates a policy with errors, and says so on stderr', () => {
    const result = run('test', '--policy', 'typo.json', '--action', 'iot:Publish', '--topic', 'a');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      "note: typo.json has 1 error; evaluating what can be read. Run 'handshake policy check typo.json' for details.\n",
    );
  });

  const MISTAKES: [args: string[], says: string][] = [
    [['--policy', 'device.json'], 'missing --action, e.g. --action iot:Publish.'],
    [
      ['--policy', 'device.json', '--action', 'iot:Subscribe', '--topic', 'a'],
      'iot:Subscribe needs --filter <filter>.',
    ],
    [['--policy', 'device.json', '--action', 'iot:Connect'], 'iot:Connect needs --client <id>.'],
    [
      ['--policy', 'device.json', '--action', 'iot:Jump', '--topic', 'a'],
      '"iot:Jump" is not an AWS IoT action; e.g. iot:Publish.',
    ],
    [
      ['--policy', 'device.json', '--action', 'iot:Publish', '--topic', 'a', '--topic', 'b'],
      "'--topic' is given twice.",
    ],
    [['--policy', 'device.json', '--verbose'], "unknown option '--verbose'."],
    [['device.json'], "unexpected argument 'device.json'; policy files follow --policy."],
  ];

  it.each(MISTAKES)('%j exits 2 and says: %s', (args, says) => {
    const result = run('test', ...args);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`handshake policy test: ${says}\n\n${POLICY_TEST_USAGE}\n`);
  });
});

describe('handshake policy check', () => {
  it('prints every problem as JSON with --json', () => {
    const result = run('check', 'typo.json', '--json');
    const [report] = JSON.parse(result.stdout) as {
      file: string;
      valid: boolean;
      problems: { code: string }[];
    }[];

    expect(result.exitCode).toBe(1);
    expect(report?.valid).toBe(false);
    expect(report?.problems.map((p) => p.code)).toEqual(['action-unknown', 'allow-any-resource']);
  });

  it('exits 2 for a file it cannot read', () => {
    expect(run('check', 'device.json', 'missing.json')).toMatchObject({
      exitCode: 2,
      stderr: 'handshake policy check: missing.json: no such file.\n',
    });
  });
});

describe('handshake policy cases', () => {
  it('counts a case it cannot read as failed, saying why', () => {
    const files = reader({
      'cases.json': {
        cases: [{ id: 'odd', action: 'iot:Publish', resource: '*', expected: 'maybe' }],
      },
    });
    const result = runPolicyCommand(['cases', 'cases.json'], files);

    expect(result).toEqual({
      exitCode: 1,
      stdout:
        '✘ cannot run odd: "expected" must be "allow" or "deny", not "maybe"\n\n0 passed, 1 failed\n',
      stderr: '',
    });
  });
});
