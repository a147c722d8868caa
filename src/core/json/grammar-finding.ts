/**
 * Names a mistake in the structure of a JSON text: the tokens are all fine, but they are in an
 * order the grammar does not allow (RFC 8259 §2, §4, §5). Each case says which token is wrong,
 * what the grammar wanted there, and what to change.
 */
import type { Token } from '@humanwhocodes/momoa';
import { blankOut, gapBetween, tokenPlace, tokenText, type Finding } from './finding.ts';
import { startsValue, type GrammarStop, type OpenContainer } from './grammar.ts';
import { show } from './problem.ts';

const CLOSER = { object: '}', array: ']' } as const;

/** The finding for a grammar stop in `tokens` of `text`. */
export function grammarFinding(text: string, tokens: readonly Token[], stop: GrammarStop): Finding {
  const token = tokens[stop.index];
  const previous = tokens[stop.index - 1];
  if (!token) return unexpectedEnd(text, stop, previous);

  const found = tokenText(text, token);
  const at = token.loc.start.offset;
  const inner = stop.open.at(-1);

  if (isCloser(token) && previous?.type === 'Comma') {
    return {
      kind: 'trailing-comma',
      offset: at,
      message:
        `The comma at ${tokenPlace(previous)} is followed by ${show(found)}, so it separates ` +
        `nothing. JSON allows a comma only between two ${inner?.kind === 'array' ? 'values' : 'members'}; ` +
        `JavaScript and JSON5 accept a trailing comma, JSON does not. Delete that comma.`,
      repair: blankOut(text, previous.loc.start.offset, 1),
    };
  }

  if (isCloser(token) && inner && found !== CLOSER[inner.kind]) {
    return mismatched(found, at, inner);
  }

  if (previous?.type === 'Colon' && (token.type === 'Comma' || isCloser(token))) {
    return valueAfterColon(text, token, tokens[stop.index - 2]);
  }

  switch (stop.expect) {
    case 'colon':
      return missingColon(text, token, previous!);
    case 'after-value':
      if (startsValue(token.type)) return missingComma(text, token, previous!);
      break;
    case 'end':
      return extraContent(found, at, previous!);
    case 'key':
    case 'first-key':
      if (token.type !== 'Comma') return keyNotString(found, at);
      break;
  }

  if (token.type === 'Comma') return strayComma(text, token, previous, stop);

  return {
    kind: 'unexpected-token',
    offset: at,
    message: `${show(found)} cannot appear here; the grammar expects ${EXPECTED[stop.expect]}.${
      token.type === 'Colon' && inner?.kind === 'array'
        ? ' Arrays hold values only; for "key": value pairs use an object, in { }.'
        : ''
    }`,
  };
}

const EXPECTED: Record<GrammarStop['expect'], string> = {
  value: 'a value (an object, an array, a string, a number, true, false or null)',
  'first-value': 'a value or the closing ]',
  key: 'a key in double quotes',
  'first-key': 'a key in double quotes or the closing }',
  colon: 'a colon',
  'after-value': 'a comma or a closing bracket',
  end: 'nothing more',
};

function isCloser(token: Token): boolean {
  return token.type === 'RBrace' || token.type === 'RBracket';
}

function unexpectedEnd(text: string, stop: GrammarStop, last: Token | undefined): Finding {
  const offset = last ? last.loc.end.offset : text.length;
  const inner = stop.open.at(-1);
  const missing = [...stop.open]
    .reverse()
    .map((c) => CLOSER[c.kind])
    .join('');
  const what =
    stop.expect === 'value' || stop.expect === 'colon'
      ? `a ${stop.expect === 'colon' ? 'colon and a value' : 'value'} is still missing, and `
      : '';

  return {
    kind: 'unexpected-end',
    offset,
    message: inner
      ? `The text ends too soon: ${what}the ${inner.kind} that opens at ` +
        `${tokenPlace(inner.open)} is never closed. Finish it, then close what is still open ` +
        `with ${show(missing)}.`
      : 'The text ends before a value starts. A JSON text holds exactly one value.',
  };
}

function mismatched(found: string, at: number, inner: OpenContainer): Finding {
  return {
    kind: 'mismatched-bracket',
    offset: at,
    message:
      `${show(found)} closes an ${inner.kind === 'object' ? 'array' : 'object'}, but the ` +
      `innermost open one is the ${inner.kind} that starts at ${tokenPlace(inner.open)}. ` +
      `Close that first with ${show(CLOSER[inner.kind])}, or check which bracket is missing.`,
  };
}

function missingColon(text: string, token: Token, key: Token): Finding {
  const gap = gapBetween(text, key.loc.end.offset, token.loc.start.offset);
  const found = tokenText(text, token);
  const finding: Finding = {
    kind: 'missing-colon',
    offset: token.loc.start.offset,
    message:
      `The key ${tokenText(text, key)} is followed by ${show(found)} instead of a colon. ` +
      `In an object every key is followed by a colon and its value: ${tokenText(text, key)}: value.`,
  };
  if (gap !== null && startsValue(token.type)) finding.repair = { offset: gap, text: ':' };

  return finding;
}

function missingComma(text: string, token: Token, previous: Token): Finding {
  const gap = gapBetween(text, previous.loc.end.offset, token.loc.start.offset);
  const sameLine = previous.loc.end.line === token.loc.start.line;
  const finding: Finding = {
    kind: 'missing-comma',
    offset: token.loc.start.offset,
    message:
      `A comma is missing before ${show(tokenText(text, token))}: ` +
      `${show(tokenText(text, previous))}${sameLine ? '' : ` on line ${previous.loc.end.line}`} ` +
      'ends one value, and another starts here. Separate members and array elements with commas.',
  };
  if (gap !== null) finding.repair = { offset: gap, text: ',' };

  return finding;
}

function keyNotString(found: string, at: number): Finding {
  return {
    kind: 'unquoted-key',
    offset: at,
    message:
      `${show(found)} is where a key should be, and keys in JSON are always strings in double ` +
      `quotes: write "${found.replace(/"/g, '')}" if that is the key you mean.`,
  };
}

function extraContent(found: string, at: number, last: Token): Finding {
  return {
    kind: 'extra-content',
    offset: at,
    message:
      `The JSON value is complete at line ${last.loc.end.line}, column ${last.loc.end.column}, ` +
      `but ${show(found)} follows it. A JSON text is exactly one value; to send several, put ` +
      'them in an array: [ {…}, {…} ].',
  };
}

function strayComma(
  text: string,
  token: Token,
  previous: Token | undefined,
  stop: GrammarStop,
): Finding {
  const after = previous ? show(tokenText(text, previous)) : 'the start';

  return {
    kind: 'missing-value',
    offset: token.loc.start.offset,
    message:
      `A comma follows ${after} with nothing between them. Each comma separates two ` +
      `${stop.open.at(-1)?.kind === 'object' ? 'members' : 'values'}; remove the extra comma ` +
      'or put the missing value there.',
    repair: blankOut(text, token.loc.start.offset, 1),
  };
}

function valueAfterColon(text: string, token: Token, key: Token | undefined): Finding {
  const name = key ? tokenText(text, key) : 'the key';

  return {
    kind: 'missing-value',
    offset: token.loc.start.offset,
    message:
      `The key ${name} has a colon but no value: ${show(tokenText(text, token))} comes next. ` +
      'Give it a value, such as null if there is nothing to say, or remove the key.',
  };
}
