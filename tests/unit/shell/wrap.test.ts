import { describe, expect, test } from 'vitest';
import { wrapWords } from '../../../src/core/shell/wrap.ts';
import { makeLab, start } from './fakes.ts';

describe("wrapping the shell's own words", () => {
  test('a sentence breaks at spaces within the width', () => {
    expect(wrapWords('note: quote the filter so the shell keeps it', 20)).toEqual([
      'note: quote the',
      'filter so the shell',
      'keeps it',
    ]);
  });

  test("continuation rows keep the indent, the Usage: column and an option's column", () => {
    expect(wrapWords('  [MQTT-4.7.1-2] the # must be last', 20)).toEqual([
      '  [MQTT-4.7.1-2] the',
      '  # must be last',
    ]);
    expect(wrapWords('Usage: mosquitto_sub -t filter [-v] [-C count]', 26)).toEqual([
      'Usage: mosquitto_sub -t',
      '       filter [-v] [-C',
      '       count]',
    ]);
    expect(wrapWords('  -C count   disconnect and exit after this many messages', 40)).toEqual([
      '  -C count   disconnect and exit after',
      '             this many messages',
    ]);
  });

  test('a word longer than a row is cut', () => {
    expect(wrapWords('see aaaaaaaaaaaaaaaaaaaaaaaaa now', 16)).toEqual([
      'see',
      'aaaaaaaaaaaaaaaa',
      'aaaaaaaaa now',
    ]);
  });

  test('a short line, or a width too narrow to help, is left alone', () => {
    expect(wrapWords('fits', 40)).toEqual(['fits']);
    expect(wrapWords('a b c d e f g h i j', 8)).toEqual(['a b c d e f g h i j']);
  });

  test('--help is wrapped to the terminal, 80 columns by default', async () => {
    const lab = makeLab();
    const { stdout } = await start(lab.shell, 'mosquitto_sub --help').done;
    expect(stdout.split('\n').every((line) => line.length <= 80)).toBe(true);

    let narrow = '';
    await lab.shell.run('mosquitto_pub --help', {
      stdout: { write: (t) => (narrow += t) },
      stderr: { write: () => {} },
      signal: { aborted: false, addEventListener() {}, removeEventListener() {} },
      columns: 40,
    });
    const rows = narrow.split('\n');
    expect(rows.every((line) => [...line].length <= 40)).toBe(true);
    expect(rows).toContain('       message | -f file | -n} [-l] [-r]');
    expect(rows).toContain('                 file from your files');
  });
});
