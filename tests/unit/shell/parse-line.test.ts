import { describe, expect, test } from 'vitest';
import { lex, parseLine } from '../../../src/core/shell/index.ts';

function argv(line: string): string[] {
  const parsed = parseLine(line);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.steps[0]!.command.argv;
}

describe('words and quoting', () => {
  test.each([
    ['mosquitto_pub -t lab/x -m hi', ['mosquitto_pub', '-t', 'lab/x', '-m', 'hi']],
    [`mosquitto_pub -t lab/x -m '{"t":21}'`, ['mosquitto_pub', '-t', 'lab/x', '-m', '{"t":21}']],
    [`echo "a  b" 'c  d'`, ['echo', 'a  b', 'c  d']],
    [`echo 'it'\\''s'`, ['echo', "it's"]],
    [`echo "say \\"hi\\" \\$HOME \\\\ \\n"`, ['echo', 'say "hi" $HOME \\ \\n']],
    [`echo a\\ b \\'c\\'`, ['echo', 'a b', "'c'"]],
    [`echo '' ""`, ['echo', '', '']],
    [`echo "lab/"'#'`, ['echo', 'lab/#']],
    ['  echo   spaced\tout  ', ['echo', 'spaced', 'out']],
    ["mosquitto_sub -t 'lab/#' -v", ['mosquitto_sub', '-t', 'lab/#', '-v']],
    ['echo lab/#', ['echo', 'lab/#']],
  ])('%s', (line, expected) => {
    expect(argv(line)).toEqual(expected);
  });

  test('an unquoted # that starts a word begins a comment, and the learner is told', () => {
    const parsed = parseLine('mosquitto_sub -t # -v');
    expect(parsed.ok && parsed.steps[0]!.command.argv).toEqual(['mosquitto_sub', '-t']);
    expect(parsed.notes[0]).toContain("Quote it to pass it on: '#'");
  });

  test('a line that is only a comment runs nothing', () => {
    const parsed = parseLine('# just a note');
    expect(parsed).toEqual({ ok: true, steps: [], notes: [] });
  });

  test('a $ a shell would expand is kept, with a note on quoting it', () => {
    const parsed = parseLine('mosquitto_sub -t $SYS/#');
    expect(parsed.ok && parsed.steps[0]!.command.argv[2]).toBe('$SYS/#');
    expect(parsed.notes.join()).toContain("write '$SYS/#' in single quotes");
    expect(parseLine("mosquitto_sub -t '$SYS/#'").notes).toEqual([]);
  });

  test.each([
    [`echo 'open`, "an open '"],
    [`echo "open`, 'an open "'],
    ['echo trailing\\', 'a backslash with nothing after it'],
  ])('an unfinished quote is a syntax problem: %s', (line, words) => {
    const parsed = parseLine(line);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(words);
  });

  test('word offsets include the quotes', () => {
    const tokens = lex(`echo 'a b' c`).tokens;
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 4],
      [5, 10],
      [11, 12],
    ]);
  });
});

describe('redirection and lists', () => {
  test('> and >> redirect standard output to a file', () => {
    const parsed = parseLine(`echo '{"t":21}' > t.json; echo more >>log.txt`);
    expect(parsed.ok && parsed.steps.map((s) => s.command)).toEqual([
      { argv: ['echo', '{"t":21}'], redirect: { append: false, target: 't.json' } },
      { argv: ['echo', 'more'], redirect: { append: true, target: 'log.txt' } },
    ]);
  });

  test('a quoted > is an ordinary character', () => {
    expect(argv(`echo '>' ">>"`)).toEqual(['echo', '>', '>>']);
  });

  test('&& runs after success, || after failure, ; always', () => {
    const parsed = parseLine('ls && cat a || echo no; help');
    expect(parsed.ok && parsed.steps.map((s) => [s.runIf, s.command.argv[0]])).toEqual([
      ['always', 'ls'],
      ['success', 'cat'],
      ['failure', 'echo'],
      ['always', 'help'],
    ]);
  });

  test.each([
    ['echo hi >', "'>' needs a file name after it"],
    ['echo a > b > c', 'one redirection per command'],
    ['; ls', "';' needs a command before it"],
    ['ls &&', 'the line ends after && or ||'],
    ['mosquitto_sub -t a | head', 'pipes are not available'],
    ['mosquitto_pub -t a < file', 'input redirection is not available'],
    ['mosquitto_sub -t a &', 'background jobs are not available'],
    ['echo hi 2> err.txt', 'only standard output can be redirected'],
  ])('%s is refused with a reason', (line, words) => {
    const parsed = parseLine(line);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(words);
  });
});
