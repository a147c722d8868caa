import { describe, expect, test } from 'vitest';
import { makeLab, run } from './fakes.ts';

describe('json check and json format', () => {
  test('a valid file passes json check with exit 0', async () => {
    const lab = makeLab({ 't.json': '{"t":21}\n' });
    expect(await run(lab.shell, 'json check t.json')).toEqual({
      status: 0,
      stdout: 't.json: valid JSON\n',
      stderr: '',
    });
  });

  test('a broken file is reported at its line and column, with exit 1', async () => {
    const lab = makeLab({ 'bad.json': '{"t": 21,}\n' });
    const ran = await run(lab.shell, 'json check bad.json');
    expect(ran.status).toBe(1);
    expect(ran.stdout).toMatch(/^bad\.json:1:\d+: error: /);
  });

  test('json check names itself as typed, not as the Node command', async () => {
    const ran = await run(makeLab().shell, 'json check');
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('json check: missing the file to check.');
    expect(ran.stderr).not.toContain('handshake');
  });

  test('a missing file exits 2', async () => {
    const ran = await run(makeLab().shell, 'json check nope.json');
    expect(ran).toMatchObject({
      status: 2,
      stderr: "json check: nope.json: no such file; 'ls' lists your files\n",
    });
  });

  test('json format pretty-prints, --minify squeezes, and > saves the result', async () => {
    const lab = makeLab({ 't.json': '{"t":21,"tags":["a","b"]}' });
    expect((await run(lab.shell, 'json format t.json')).stdout).toBe(
      '{\n  "t": 21,\n  "tags": [\n    "a",\n    "b"\n  ]\n}\n',
    );
    await run(lab.shell, 'json format t.json --minify > small.json');
    expect(await lab.files.read('small.json')).toBe('{"t":21,"tags":["a","b"]}\n');
  });

  test('json format on a file that is not JSON explains why and exits 1', async () => {
    const lab = makeLab({ 'bad.json': "{'t': 21}" });
    const ran = await run(lab.shell, 'json format bad.json');
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('bad.json is not JSON, so it was not formatted');
    expect(ran.stdout).toMatch(/^bad\.json:1:2: error: /);
  });

  test('json without a subcommand shows the usage', async () => {
    const ran = await run(makeLab().shell, 'json');
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('Usage: json check <file>');
  });
});
