import { describe, expect, test } from 'vitest';
import { complete, completionText } from '../../../src/core/shell/index.ts';
import { makeLab } from './fakes.ts';

async function candidates(before: string, files: Record<string, string> = {}) {
  const lab = makeLab(files);
  await lab.shell.refreshFileNames();
  return complete(before, lab.shell.registry.list(), lab.shell.names);
}

describe('Tab completion', () => {
  test('the first word completes to command names', async () => {
    expect((await candidates('mos')).candidates).toEqual(['mosquitto_pub', 'mosquitto_sub']);
    expect((await candidates('')).candidates).toContain('help');
  });

  test("a word starting with - completes to the command's options", async () => {
    const found = await candidates('mosquitto_sub -t a -');
    expect(found.candidates).toEqual(
      expect.arrayContaining(['-t', '-v', '-C', '-W', '-q', '--cafile', '--help']),
    );
    expect(found.candidates).not.toContain('-m');
    expect((await candidates('mosquitto_pub --c')).candidates).toEqual(['--cafile', '--cert']);
  });

  test('the value after -q completes to the QoS levels', async () => {
    expect((await candidates('mosquitto_pub -q ')).candidates).toEqual(['0', '1', '2']);
  });

  test('-f and redirections complete to file names', async () => {
    const files = { 't.json': '{}', 'ta.txt': '' };
    expect((await candidates('mosquitto_pub -t a -f t', files)).candidates).toEqual([
      't.json',
      'ta.txt',
    ]);
    expect((await candidates('echo hi > ', files)).candidates).toEqual(['t.json', 'ta.txt']);
    expect((await candidates('cat t.js', files)).candidates).toEqual(['t.json']);
  });

  test('topics the terminal has used complete after -t, with filters for mosquitto_sub', async () => {
    const lab = makeLab();
    lab.shell.names.recordTopic('greenhouse/bench1/temperature');
    const pub = complete('mosquitto_pub -t gr', lab.shell.registry.list(), lab.shell.names);
    expect(pub.candidates).toEqual(['greenhouse/bench1/temperature']);
    const sub = complete("mosquitto_sub -t 'gr", lab.shell.registry.list(), lab.shell.names);
    expect(sub).toMatchObject({ quote: "'", prefix: 'gr', start: 17 });
    expect(sub.candidates).toEqual(['greenhouse/#', 'greenhouse/bench1/temperature']);
  });

  test('subcommands complete for json and topic, command names for help', async () => {
    expect((await candidates('json ')).candidates).toEqual(['check', 'format']);
    expect((await candidates('json check ', { 'a.json': '' })).candidates).toEqual(['a.json']);
    expect((await candidates('topic c')).candidates).toEqual(['check']);
    expect((await candidates('help mosquitto_s')).candidates).toEqual(['mosquitto_sub']);
  });

  test('completion starts again after ; and &&', async () => {
    expect((await candidates('ls; ec')).candidates).toEqual(['echo']);
    expect((await candidates('ls && he')).candidates).toEqual(['help']);
  });

  test('values a shell would misread are quoted when inserted', () => {
    expect(completionText('lab/#', null, true)).toBe("'lab/#' ");
    expect(completionText('lab/x', null, true)).toBe('lab/x ');
    expect(completionText('lab/', "'", false)).toBe("'lab/");
    expect(completionText('a "b"', '"', true)).toBe('"a \\"b\\"" ');
  });
});
