import { describe, expect, it } from 'vitest';
import {
  JSON_CHECK_USAGE,
  runJsonCheck,
  type ReadFile,
} from '../../../src/core/json/check-command.ts';

const TRAILING =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*",}]}';

/** A pretend file system for the command's port. */
function files(contents: Record<string, string | Uint8Array>): ReadFile {
  return (path) => {
    const found = contents[path];
    if (found === undefined)
      return { ok: false, missing: true, message: `cannot find the file ${path}.` };
    return { ok: true, bytes: typeof found === 'string' ? new TextEncoder().encode(found) : found };
  };
}

describe('handshake json check, for people', () => {
  it('prints an error like a compiler: file:line:column, the line, and a caret', () => {
    const result = runJsonCheck(['policy.json'], files({ 'policy.json': TRAILING }));

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^policy\.json:1:94: error: trailing comma: The comma at line 1, column 93 /,
    );
    expect(lines[0]).toMatch(/\[RFC 8259 §4, §5\]$/);
    expect(lines[1]).toBe(
      ' 1 | …"Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*",}]}',
    );
    expect(lines[2]).toBe(`   | ${' '.repeat(70)}^`);
    expect(lines[3]).toBe('policy.json: 1 error');
  });

  it('a valid file exits 0 and says so', () => {
    const result = runJsonCheck(['ok.json'], files({ 'ok.json': '{"a": 1}\n' }));

    expect(result).toEqual({ exitCode: 0, stdout: 'ok.json: valid JSON\n', stderr: '' });
  });

  it('warnings alone still exit 0', () => {
    const result = runJsonCheck(['bom.json'], files({ 'bom.json': '\uFEFF{"a": 1}' }));

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^bom\.json:1:1: warning: byte order mark: /);
    expect(result.stdout).toMatch(/bom\.json: valid JSON \(1 warning\)\n$/);
  });

  it('checks against a schema file and names the schema problem with its path', () => {
    const schema = '{"type": "object", "required": ["state"]}';
    const result = runJsonCheck(
      ['shadow.json', '--schema', 'shadow-schema.json'],
      files({ 'shadow.json': '{"reported": {"temp": 21}}', 'shadow-schema.json': schema }),
    );

    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      'shadow.json:1:1: error: does not match the schema: At the root ($), the schema expects ' +
        'the property "state", but found an object with only "reported". Add "state". [JSON Schema 2020-12]',
    );
  });

  it('uses a built-in schema by name when there is no such file', () => {
    const result = runJsonCheck(
      ['shadow.json', '--schema=shadow-update'],
      files({ 'shadow.json': '{"state": {"reported": {"temp": 21}}}' }),
    );

    expect(result).toEqual({
      exitCode: 0,
      stdout: 'shadow.json: valid JSON, and it matches the shadow update schema\n',
      stderr: '',
    });
  });

  it('several problems, then a count', () => {
    const result = runJsonCheck(['bad.json'], files({ 'bad.json': "{'a': 1,}" }));

    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('bad.json: 2 errors');
  });

  it('a UTF-16 file is named as such, with how to save it as UTF-8', () => {
    const result = runJsonCheck(
      ['ps.json'],
      files({ 'ps.json': new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0]) }),
    );

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /^ps\.json:1:1: error: not utf-8: The file is UTF-16 \(little-endian\)/,
    );
  });
});

describe('handshake json check --json', () => {
  it('prints one object with the problems, their places and kinds', () => {
    const result = runJsonCheck(['policy.json', '--json'], files({ 'policy.json': TRAILING }));
    const report = JSON.parse(result.stdout) as Record<string, unknown>;

    expect(result.exitCode).toBe(1);
    expect(report).toMatchObject({
      file: 'policy.json',
      schema: null,
      valid: false,
      errors: 1,
      warnings: 0,
    });
    expect(report['problems']).toEqual([
      expect.objectContaining({
        file: 'policy.json',
        kind: 'trailing-comma',
        severity: 'error',
        title: 'Trailing comma',
        line: 1,
        column: 94,
        offset: 93,
      }),
    ]);
  });

  it('a valid file has valid: true and no problems', () => {
    const result = runJsonCheck(['--json', 'ok.json'], files({ 'ok.json': '[]' }));

    expect(JSON.parse(result.stdout)).toEqual({
      file: 'ok.json',
      schema: null,
      valid: true,
      problems: [],
      errors: 0,
      warnings: 0,
    });
  });
});

describe('handshake json check, when it cannot check', () => {
  it.each([
    [[], 'missing the file to check.'],
    [['a.json', 'b.json'], 'one file at a time, please; got 2: a.json b.json.'],
    [
      ['a.json', '--schema'],
      "'--schema' needs a file, or one of: shadow-update, policy, telemetry.",
    ],
    [['a.json', '--pretty'], "unknown option '--pretty'."],
  ])('%j is a usage mistake (exit 2)', (args, problem) => {
    const result = runJsonCheck(args, files({}));

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`handshake json check: ${problem}\n\n${JSON_CHECK_USAGE}\n`);
  });

  it('--help prints the usage', () => {
    expect(runJsonCheck(['--help'], files({}))).toEqual({
      exitCode: 0,
      stdout: `${JSON_CHECK_USAGE}\n`,
      stderr: '',
    });
  });

  it('a missing file exits 2 and says which', () => {
    expect(runJsonCheck(['nope.json'], files({}))).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'handshake json check: cannot find the file nope.json.\n',
    });
  });

  it('JSON typed where the file name belongs is recognised', () => {
    const result = runJsonCheck(['{"a": 1}'], files({}));

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('That looks like JSON itself rather than a file name');
  });

  it('a schema that is not valid stops the check with exit 2, pointing into the schema', () => {
    const result = runJsonCheck(
      ['doc.json', '--schema', 's.json'],
      files({ 'doc.json': '{}', 's.json': '{"type": "nubmer"}' }),
    );

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^s\.json:1:10: error: invalid schema: /);
    expect(result.stderr).toContain(
      'the schema s.json is not a usable JSON Schema; nothing was checked.',
    );
  });
});
