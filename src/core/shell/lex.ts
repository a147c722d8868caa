/**
 * Splits a command line into words and operators with POSIX shell quoting (POSIX.1-2017,
 * Shell Command Language, 2.2 Quoting and 2.3 Token Recognition): 'single quotes' keep every
 * character, "double quotes" let a backslash escape $ ` " \ and newline, and an unquoted
 * backslash keeps the next character. There are no variables, globs or substitutions.
 */

export const OPERATORS = ['>', '>>', ';', '&&', '||'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface WordToken {
  kind: 'word';
  /** The word after quote removal: what the command receives. */
  value: string;
  /** Offsets in the line, the quotes included. */
  start: number;
  end: number;
  /** Whether any part of the word was quoted or escaped. */
  quoted: boolean;
  /** Offsets in `value` where `$?` stands, when expanding it. */
  statusAt?: number[];
}

export interface OperatorToken {
  kind: 'operator';
  op: Operator;
  start: number;
  end: number;
}

export type Token = WordToken | OperatorToken;

export interface Lexed {
  tokens: Token[];
  /** The line ended inside a quote, or right after a backslash. */
  open?: { quote: "'" | '"' | '\\'; start: number };
  /** Offset of an unquoted '#' that began a comment. */
  commentAt?: number;
  /** Shell syntax this terminal does not run (pipes, input redirection, background jobs). */
  unsupported?: { text: string; start: number; why: string };
  /** Words with a `$` a real shell would expand; they are kept as typed here. */
  dollarWords: string[];
}

const BLANK = /[ \t\n\r]/;
const OPERATOR_START = /[;&|<>()]/;

/** Characters a backslash escapes inside double quotes (2.2.3). */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\', '\n']);

/** What a shell would do with `$` followed by these, as opposed to a literal dollar sign. */
const EXPANDS = /^\$[A-Za-z_{(0-9?#@*!$-]/;

const UNSUPPORTED: Record<string, string> = {
  '|': 'pipes are not available in this terminal; save output with > file, then read it with -f file or cat',
  '<': 'input redirection is not available in this terminal; use -f file with mosquitto_pub',
  '&': 'background jobs are not available in this terminal; press Ctrl-C to stop a command',
  '(': 'subshells are not available in this terminal',
  ')': 'subshells are not available in this terminal',
  '`': 'command substitution is not available in this terminal',
};

/**
 * Lexes `line`. With `expandStatus`, `$?` (unquoted or in double quotes), the one parameter
 * this shell expands (2.5.2 Special Parameters), is left out of the word and its offset kept in
 * `statusAt`, to be filled in when the command runs.
 */
export function lex(line: string, options: { expandStatus?: boolean } = {}): Lexed {
  const tokens: Token[] = [];
  const dollarWords: string[] = [];
  // Cast, not annotated: the word is started inside closures, which narrowing cannot see.
  let word = null as {
    value: string;
    start: number;
    quoted: boolean;
    dollar: boolean;
    statusAt: number[];
  } | null;
  let i = 0;

  const startWord = () =>
    (word ??= { value: '', start: i, quoted: false, dollar: false, statusAt: [] });
  const endWord = (end: number) => {
    if (!word) return;
    const { value, start, quoted, statusAt } = word;
    tokens.push({
      kind: 'word',
      value,
      start,
      end,
      quoted,
      ...(statusAt.length ? { statusAt } : {}),
    });
    if (word.dollar) dollarWords.push(word.value);
    word = null;
  };
  const result = (extra: Partial<Lexed> = {}): Lexed => ({ tokens, dollarWords, ...extra });
  const openAtEnd = (quote: "'" | '"' | '\\', start: number) => {
    endWord(line.length);
    return result({ open: { quote, start } });
  };

  while (i < line.length) {
    const c = line.charAt(i);

    if (BLANK.test(c)) {
      endWord(i);
      i += 1;
      continue;
    }

    // 2.3 rule 9: '#' starts a comment only where a new word would start.
    if (c === '#' && word === null) return result({ commentAt: i });

    if (c === '\\') {
      const w = startWord();
      w.quoted = true;
      if (i + 1 >= line.length) return openAtEnd('\\', i);
      // A backslash before a newline joins the lines (2.2.1).
      if (line.charAt(i + 1) !== '\n') w.value += line.charAt(i + 1);
      i += 2;
      continue;
    }

    if (c === "'") {
      const w = startWord();
      w.quoted = true;
      const close = line.indexOf("'", i + 1);
      if (close === -1) {
        w.value += line.slice(i + 1);
        return openAtEnd("'", i);
      }
      w.value += line.slice(i + 1, close);
      i = close + 1;
      continue;
    }

    if (c === '"') {
      const w = startWord();
      w.quoted = true;
      const quoteStart = i;
      i += 1;
      let closed = false;
      while (i < line.length) {
        const d = line.charAt(i);
        if (d === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (d === '\\' && DOUBLE_QUOTE_ESCAPES.has(line.charAt(i + 1))) {
          if (line.charAt(i + 1) !== '\n') w.value += line.charAt(i + 1);
          i += 2;
          continue;
        }
        if (d === '`') return result({ unsupported: unsupported('`', i) });
        if (options.expandStatus && line.startsWith('$?', i)) {
          w.statusAt.push(w.value.length);
          i += 2;
          continue;
        }
        if (EXPANDS.test(line.slice(i, i + 2))) w.dollar = true;
        w.value += d;
        i += 1;
      }
      if (!closed) return openAtEnd('"', quoteStart);
      continue;
    }

    if (OPERATOR_START.test(c)) {
      const op = readOperator(line, i);
      if (op === null) {
        endWord(i);
        return result({ unsupported: unsupported(c, i) });
      }
      // `2>file` sends file descriptor 2 somewhere: only standard output is redirected here.
      if ((op === '>' || op === '>>') && word && !word.quoted && /^\d+$/.test(word.value)) {
        return result({
          unsupported: {
            text: `${word.value}${op}`,
            start: word.start,
            why: 'only standard output can be redirected here: use > file or >> file',
          },
        });
      }
      endWord(i);
      tokens.push({ kind: 'operator', op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }

    if (c === '`') {
      endWord(i);
      return result({ unsupported: unsupported('`', i) });
    }

    const w = startWord();
    if (options.expandStatus && line.startsWith('$?', i)) {
      w.statusAt.push(w.value.length);
      i += 2;
      continue;
    }
    if (c === '$' && EXPANDS.test(line.slice(i, i + 2))) w.dollar = true;
    w.value += c;
    i += 1;
  }

  endWord(line.length);
  return result();
}

function readOperator(line: string, i: number): Operator | null {
  const two = line.slice(i, i + 2);
  if (two === '>>' || two === '&&' || two === '||') return two;

  const one = line.charAt(i);
  if (one === '>' || one === ';') return one;

  return null;
}

function unsupported(text: string, start: number): NonNullable<Lexed['unsupported']> {
  return { text, start, why: UNSUPPORTED[text] ?? 'this is not available in this terminal' };
}
