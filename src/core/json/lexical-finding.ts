/**
 * Names a mistake momoa's tokenizer stopped at: a character that cannot start or continue any
 * JSON token. The steps, in order:
 *   1. find the start of the token holding the bad character;
 *   2. report an earlier problem first: a structure mistake, or a string that ran on past its
 *      line (a missing quote is the usual cause of a strange character further on);
 *   3. name the token: comment, quotes, word, number, escape, or an invisible character.
 */
import { tokenize, type Token } from '@humanwhocodes/momoa';
import { blankOut, tokenPlace, tokenText, type Finding } from './finding.ts';
import { grammarState, type Expectation } from './grammar.ts';
import { grammarFinding } from './grammar-finding.ts';
import { numberFinding } from './number-finding.ts';
import { positionAt } from './position.ts';
import { show } from './problem.ts';
import { runawayString, unterminated } from './string-checks.ts';
import { tokenStart } from './token-start.ts';
import { quoteFinding, wordFinding } from './word-finding.ts';

/** `at` is momoa's error offset; `atEnd` is true when momoa ran out of text. */
export function lexicalFinding(text: string, at: number, atEnd: boolean): Finding {
  const start = tokenStart(text, at);
  const before = tokensBefore(text, start);

  const state = grammarState();
  for (let index = 0; index < before.length; index++) {
    if (!state.accept(before[index]!)) {
      return runawayString(text, before) ?? grammarFinding(text, before, state.stop(index));
    }
  }

  const runaway = runawayString(text, before);
  if (runaway) return runaway;

  return (
    nameToken(text, start, at, atEnd, state.expect()) ??
    unexpectedCharacter(text, start, state.expect(), before.at(-1))
  );
}

function tokensBefore(text: string, offset: number): Token[] {
  try {
    return tokenize(text.slice(0, offset));
  } catch {
    // Everything before `offset` was read by momoa already; if it cannot be read on its own,
    // the finding simply goes without the context.
    return [];
  }
}

function nameToken(
  text: string,
  start: number,
  at: number,
  atEnd: boolean,
  expect: Expectation,
): Finding | null {
  const c = text[start] ?? '';
  const rest = text.slice(start);

  if (c === '/' && (rest[1] === '/' || rest[1] === '*')) return comment(text, start);
  if (c === '#') return comment(text, start);
  if (expect === 'end') return null;
  if (c === '"') return atEnd ? unterminatedAt(text, start) : invalidEscape(text, start, at);

  return (
    quoteFinding(text, start, expect) ??
    numberFinding(text, start) ??
    wordFinding(text, start, expect)
  );
}

function comment(text: string, start: number): Finding {
  const block = text.startsWith('/*', start);
  const close = block ? text.indexOf('*/', start + 2) : -1;
  const lineEnd = text.slice(start).search(/[\r\n]/);
  const length = block
    ? close === -1
      ? text.length - start
      : close + 2 - start
    : lineEnd === -1
      ? text.length - start
      : lineEnd;
  const finding: Finding = {
    kind: 'comment',
    offset: start,
    message:
      `${show(text.slice(start, start + Math.min(length, 30)))} is a comment, and JSON has ` +
      `no comments. ${
        text[start] === '#'
          ? '# starts a comment in YAML, Python and shell scripts'
          : 'JavaScript, JSON5 and "JSON with comments" (JSONC, as in editor settings) accept them'
      }; a JSON parser, AWS IoT included, rejects the whole document. Delete the ` +
      'comment, or keep the note in the file you write it in and strip it before sending.',
  };
  if (!block || close !== -1) finding.repair = blankOut(text, start, length);

  return finding;
}

function unterminatedAt(text: string, start: number): Finding {
  const { line, column } = positionAt(text, start);
  return unterminated(start, line, `line ${line}, column ${column}`, false);
}

function invalidEscape(text: string, start: number, at: number): Finding {
  const slash = text.lastIndexOf('\\', at);
  const offset = slash > start ? slash : at;
  const escape = text.slice(offset, offset + (text[offset + 1] === 'u' ? 6 : 2));

  return {
    kind: 'invalid-escape',
    offset,
    message:
      `${show(escape)} is not an escape JSON knows. Inside a string a backslash starts one of ` +
      '\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u followed by four hex digits. For a backslash ' +
      'itself, as in a Windows path, write two: \\\\.',
    repair: { offset, text: ' ' },
  };
}

const SPACES: Record<string, string> = {
  '\u00a0': 'a non-breaking space (U+00A0)',
  '\u200b': 'a zero-width space (U+200B)',
  '\u2028': 'a line separator (U+2028)',
  '\u2029': 'a paragraph separator (U+2029)',
  '\u3000': 'an ideographic space (U+3000)',
  '\ufeff': 'a byte order mark (U+FEFF)',
};

const EXPECTED: Record<Expectation, string> = {
  value: 'a value',
  'first-value': 'a value or ]',
  key: 'a key in double quotes',
  'first-key': 'a key in double quotes or }',
  colon: 'a colon',
  'after-value': 'a comma or a closing bracket',
  end: 'nothing more',
};

function unexpectedCharacter(
  text: string,
  start: number,
  expect: Expectation,
  previous: Token | undefined,
): Finding {
  const char = String.fromCodePoint(text.codePointAt(start) ?? 0);
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

  if (expect === 'end') {
    return {
      kind: 'extra-content',
      offset: start,
      message:
        `The JSON value is already complete, but ${show(char)} follows it. A JSON text is ` +
        'exactly one value; remove what follows, or put several values in an array.',
    };
  }

  const space = SPACES[char] ?? (/\s/u.test(char) ? `an unusual space (${code})` : undefined);
  if (space) {
    return {
      kind: 'unexpected-character',
      offset: start,
      message:
        `There is ${space} here. Between tokens JSON allows only space, tab, line feed and ` +
        'carriage return. It usually arrives by copying from a web page, a document or a chat; ' +
        'replace it with a plain space.',
      repair: { offset: start, text: ' '.repeat(char.length) },
    };
  }

  const afterString =
    previous?.type === 'String' && previous.loc.end.offset === start
      ? ` If the string ${show(tokenText(text, previous))} at ${tokenPlace(previous)} was ` +
        'meant to end earlier, a closing quote is missing there.'
      : '';
  const shown = /[\u0000-\u001f\u007f]/.test(char) ? `The control character ${code}` : show(char);

  return {
    kind: 'unexpected-character',
    offset: start,
    message: `${shown} cannot appear here; JSON expects ${EXPECTED[expect]}.${afterString}`,
  };
}
