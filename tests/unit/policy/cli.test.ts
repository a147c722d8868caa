/**
 * `handshake policy …` as a learner runs it: the real binary in a child process, reading real
 * files, with its exit status.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const ARN = 'arn:aws:iot:us-east-1:123456789012';

let dir = '';

function handshake(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/handshake.mjs', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });

  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2));

  return target;
}

const TRAP = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['iot:Subscribe'], Resource: [`${ARN}:topicfilter/a/*`] },
    { Effect: 'Deny', Action: ['iot:Subscribe'], Resource: [`${ARN}:topicfilter/a/restricted/*`] },
    { Effect: 'Allow', Action: ['iot:Receive'], Resource: [`${ARN}:topic/a/*`] },
  ],
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'handshake-policy-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('handshake policy cases', () => {
  it('runs the shared corpus: every case passes, and the last line is the tally', () => {
    const result = handshake('policy', 'cases', '../shared/cases/policy-cases.json');

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('165 passed, 0 failed\n');
  });

  it('prints a failing case with its explanation and exits 1', () => {
    const cases = file('cases.json', {
      cases: [
        {
          id: 'trap-expected-deny',
          policy: TRAP,
          context: { 'iot:ClientId': 'c1' },
          action: 'iot:Subscribe',
          resource: `${ARN}:topicfilter/a/#`,
          expected: 'deny',
          why: 'Somebody thought the Deny covers a/#.',
        },
        {
          id: 'restricted',
          policy: TRAP,
          context: { 'iot:ClientId': 'c1' },
          action: 'iot:Subscribe',
          request: { topicFilter: 'a/restricted/x' },
          expected: 'deny',
        },
      ],
    });
    const result = handshake('policy', 'cases', cases);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /^✘ trap-expected-deny: expected deny, but iot:Subscribe on .*:topicfilter\/a\/# is allowed\n  The case says: Somebody thought the Deny covers a\/#\.\n  ✔ Allowed: policy 'policy' Statement\[0\] allows/,
    );
    expect(result.stdout).not.toContain('restricted:');
    expect(result.stdout.endsWith('\n1 passed, 1 failed\n')).toBe(true);
  });
});

describe('handshake policy check', () => {
  it('reports lint findings with file, line and column, and exits 0 when there is no error', () => {
    const trap = file('trap.json', TRAP);
    const result = handshake('policy', 'check', trap);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      `${trap}:19:9 warning deny-subscribe-bypassed-by-wildcards at Statement[1].Resource[0]\n`,
    );
    expect(result.stdout.endsWith(`${trap}: 1 warning\n`)).toBe(true);
  });

  it('exits 1 on errors, each with what to do', () => {
    const bad = file(
      'bad.json',
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "iot:Publis", "Resource": "*"}]\n}\n',
    );
    const result = handshake('policy', 'check', bad);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      `${bad}:3:47 error action-unknown at Statement[0].Action\n  "iot:Publis" is not an AWS IoT action, so this entry never matches anything. Did you mean "iot:Publish"?\n`,
    );
    expect(result.stdout).toContain(`${bad}: 1 error, 1 warning\n`);
  });

  it('exits 1 on a JSON syntax error, with its line', () => {
    const broken = file('broken.json', '{"Version": "2012-10-17",\n "Statement": [}');
    const result = handshake('policy', 'check', broken);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^${broken.replace(/[.\\]/g, '\\$&')}:2:16 error json-syntax at \\(the document\\)\\n`,
      ),
    );
  });
});

describe('handshake policy test', () => {
  it('explains an allowed request and exits 0', () => {
    const trap = file('trap.json', TRAP);
    const result = handshake(
      'policy',
      'test',
      '--policy',
      trap,
      '--action',
      'iot:Subscribe',
      '--filter',
      'a/#',
    );

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^✔ Allowed: policy '${trap.replace(/[.\\]/g, '\\$&')}' Statement\\[0\\] allows iot:Subscribe on ${ARN}:topicfilter/a/#\\.\\n`,
      ),
    );
    expect(result.stdout).toContain('Deny: does not apply');
  });

  it('prints the whole decision with --json, reads a context file, and exits 1 on a deny', () => {
    const own = file('own.json', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'iot:Connect',
          Resource: `${ARN}:client/\${iot:Connection.Thing.ThingName}`,
          Condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } },
        },
      ],
    });
    const context = file('context.json', { 'iot:Connection.Thing.IsAttached': 'false' });
    const result = handshake(
      'policy',
      'test',
      '--policy',
      own,
      '--action',
      'iot:Connect',
      '--client',
      'sensor-1',
      '--context',
      context,
      '--json',
    );
    const decision = JSON.parse(result.stdout) as {
      outcome: string;
      nearMiss: { lacks: string[] };
    };

    expect(result.exitCode).toBe(1);
    expect(decision.outcome).toBe('implicitly-denied');
    expect(decision.nearMiss.lacks).toHaveLength(2);
    expect(decision.nearMiss.lacks[0]).toContain(
      '${iot:Connection.Thing.ThingName} did not resolve',
    );
  });

  it('says what is missing from the command line and exits 2', () => {
    const result = handshake('policy', 'test', '--action', 'iot:Publish', '--topic', 'a');

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^handshake policy test: missing --policy <file>\.\n\nUsage: /);
  });

  it('names a file that does not exist and exits 2', () => {
    const result = handshake(
      'policy',
      'test',
      '--policy',
      'no-such.json',
      '--action',
      'iot:Publish',
      '--topic',
      'a',
    );

    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'handshake policy test: no-such.json: no such file.\n',
    });
  });
});
