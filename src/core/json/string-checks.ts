/**
 * Strings that momoa lets through but RFC 8259 §7 does not: control characters U+0000 to U+001F
 * must be escaped inside a string, so a raw tab or line break makes the text invalid. A raw line
 * break usually means a closing quote is missing, and is named that way when the text also
 * fails further on.
 */
import type { Token } from '@humanwhocodes/momoa';
import { tokenPlace, type Finding } from './finding.ts';

const CONTROL = /[\u0000-\u001f]/g;

const ESCAPES: Record<string, string> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
};

const NAMES: Record<string, string> = {
  '\t': 'a tab',
  '\n': 'a line break (line feed)',
  '\r': 'a carriage return',
  '\u0000': 'a null character',
};

/** Every raw control character inside the strings among `tokens`, in order. */
export function controlCharacterFindings(text: string, tokens: readonly Token[]): Finding[] {
  const findings: Finding[] = [];
  for (const token of tokens) {
    if (token.type !== 'String') continue;

    const start = token.loc.start.offset;
    const raw = text.slice(start, token.loc.end.offset);
    for (const match of raw.matchAll(CONTROL)) {
      findings.push(controlCharacter(match[0], start + match.index));
    }
  }

  return findings;
}

/**
 * The first string among `tokens` that runs past the end of its line: in a text that fails
 * later, that string is almost always missing its closing quote.
 */
export function runawayString(text: string, tokens: readonly Token[]): Finding | null {
  const token = tokens.find(
    (t) => t.type === 'String' && /[\r\n]/.test(text.slice(t.loc.start.offset, t.loc.end.offset)),
  );
  if (!token) return null;

  return unterminated(token.loc.start.offset, token.loc.start.line, tokenPlace(token), true);
}

export function unterminated(
  offset: number,
  line: number,
  place: string,
  crossesLine: boolean,
): Finding {
  return {
    kind: 'unterminated-string',
    offset,
    message: crossesLine
      ? `The string that starts at ${place} does not end on line ${line}. A JSON string ` +
        `must end on the line where it starts: add the closing " on line ${line}, or write ` +
        'a line break inside it as \\n.'
      : `The string that starts at ${place} has no closing quote before the end of the text. ` +
        'Add the closing ".',
  };
}

function controlCharacter(char: string, offset: number): Finding {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const escape = ESCAPES[char] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  const name = NAMES[char] ?? `the control character ${hex}`;

  return {
    kind: 'control-character',
    offset,
    message:
      `This string holds ${name} (${hex}) as it is. Characters U+0000 to U+001F must be ` +
      `escaped inside a JSON string: write ${escape} instead.`,
    repair: { offset, text: ' ' },
  };
}
