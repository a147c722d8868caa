import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../../bin/handshake.mjs');
let dir = '';

function handshake(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'handshake-json-'));
  writeFileSync(
    join(dir, 'policy.json'),
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*",}]}',
  );
  writeFileSync(join(dir, 'good.json'), '{"state": {"reported": {"temp": 21}}}\n');
  writeFileSync(join(dir, 'shadow.json'), '{"reported": {"temp": 21}}\n');
  writeFileSync(join(dir, 'schema.json'), '{"type": "object", "required": ["state"]}');
  writeFileSync(join(dir, 'ps.json'), Buffer.from('\uFEFF{}', 'utf16le'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the handshake json check command line', () => {
  it('exits 1 for a trailing comma and prints the place, the line and the caret', () => {
    const { status, stdout } = handshake(['json', 'check', 'policy.json']);

    expect(status).toBe(1);
    expect(stdout).toMatch(/^policy\.json:1:94: error: trailing comma: /);
    expect(stdout.split('\n')[2]).toBe(`   | ${' '.repeat(70)}^`);
  });

  it('exits 0 for a valid file', () => {
    expect(handshake(['json', 'check', 'good.json'])).toMatchObject({
      status: 0,
      stdout: 'good.json: valid JSON\n',
    });
  });

  it('exits 1 when the file does not match --schema', () => {
    const { status, stdout } = handshake([
      'json',
      'check',
      'shadow.json',
      '--schema',
      'schema.json',
    ]);

    expect(status).toBe(1);
    expect(stdout).toContain('the schema expects the property "state"');
  });

  it('exits 0 against a built-in schema the file matches', () => {
    expect(handshake(['json', 'check', 'good.json', '--schema', 'shadow-update'])).toMatchObject({
      status: 0,
    });
  });

  it('--json prints a machine-readable result', () => {
    const { status, stdout } = handshake(['json', 'check', 'policy.json', '--json']);
    const report = JSON.parse(stdout) as {
      valid: boolean;
      problems: Array<{ kind: string; line: number; column: number }>;
    };

    expect(status).toBe(1);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.line, p.column])).toEqual([
      ['trailing-comma', 1, 94],
    ]);
  });

  it('reads standard input from -', () => {
    expect(handshake(['json', 'check', '-'], '[1, 2]')).toMatchObject({
      status: 0,
      stdout: '-: valid JSON\n',
    });
    expect(handshake(['json', 'check', '-'], '[1, 2,]')).toMatchObject({ status: 1 });
  });

  it('names a UTF-16 file written by PowerShell', () => {
    const { status, stdout } = handshake(['json', 'check', 'ps.json']);

    expect(status).toBe(1);
    expect(stdout).toContain('The file is UTF-16 (little-endian), not UTF-8');
  });

  it('exits 2 for a file that does not exist, and for a folder', () => {
    expect(handshake(['json', 'check', 'missing.json'])).toMatchObject({
      status: 2,
      stderr: 'handshake json check: cannot find the file missing.json.\n',
    });
    expect(handshake(['json', 'check', '.'])).toMatchObject({
      status: 2,
      stderr: 'handshake json check: . is a folder, not a file.\n',
    });
  });

  it('exits 2 for an unknown json subcommand', () => {
    const { status, stderr } = handshake(['json', 'lint', 'good.json']);

    expect(status).toBe(2);
    expect(stderr).toContain("Did you mean 'handshake json check <file>'?");
  });

  it('the main help lists the command', () => {
    expect(handshake(['help']).stdout).toContain('json check <file> [--schema <file>]');
  });
});
