/**
 * Where in momoa's token stream the JSON grammar (RFC 8259 §2–§5) first fails, and what it
 * expected there. momoa decides that a text is invalid and reports a position; this walk only
 * names the mistake in words, because "unexpected token RBrace" does not tell a learner that
 * the comma before it is the problem.
 */
import type { Token, TokenType } from '@humanwhocodes/momoa';

export interface OpenContainer {
  kind: 'object' | 'array';
  open: Token;
}

/** What the grammar allows next. */
export type Expectation =
  | 'value'
  | 'first-value'
  | 'key'
  | 'first-key'
  | 'colon'
  | 'after-value'
  | 'end';

export interface GrammarStop {
  /** Index of the first token the grammar does not allow; `tokens.length` for the end. */
  index: number;
  expect: Expectation;
  /** The objects and arrays still open at that point, outermost first. */
  open: OpenContainer[];
}

const VALUE_STARTS: readonly TokenType[] = [
  'String',
  'Number',
  'Boolean',
  'Null',
  'LBrace',
  'LBracket',
];

export function startsValue(type: TokenType | undefined): boolean {
  return type !== undefined && VALUE_STARTS.includes(type);
}

/**
 * Walks the tokens as the grammar reads them. Returns where it first fails, or null when the
 * tokens form exactly one JSON value.
 */
export function walkGrammar(tokens: readonly Token[]): GrammarStop | null {
  const state = grammarState();

  for (let index = 0; index < tokens.length; index++) {
    if (!state.accept(tokens[index]!)) return state.stop(index);
  }

  return state.expect() === 'end' ? null : state.stop(tokens.length);
}

/** The grammar's state after reading some tokens: used to ask what may come next. */
export function grammarState() {
  const open: OpenContainer[] = [];
  let expect: Expectation = 'value';

  const afterValue = (): Expectation => (open.length === 0 ? 'end' : 'after-value');
  const inside = () => open.at(-1)?.kind;

  function accept(token: Token): boolean {
    const { type } = token;

    switch (expect) {
      case 'value':
      case 'first-value':
        if (expect === 'first-value' && type === 'RBracket') return close('array');
        return value(token);
      case 'key':
      case 'first-key':
        if (expect === 'first-key' && type === 'RBrace') return close('object');
        if (type !== 'String') return false;
        expect = 'colon';
        return true;
      case 'colon':
        if (type !== 'Colon') return false;
        expect = 'value';
        return true;
      case 'after-value':
        if (type === 'Comma') {
          expect = inside() === 'object' ? 'key' : 'value';
          return true;
        }
        if (type === 'RBrace') return close('object');
        if (type === 'RBracket') return close('array');
        return false;
      case 'end':
        return false;
    }
  }

  function value(token: Token): boolean {
    if (token.type === 'LBrace') {
      open.push({ kind: 'object', open: token });
      expect = 'first-key';
      return true;
    }
    if (token.type === 'LBracket') {
      open.push({ kind: 'array', open: token });
      expect = 'first-value';
      return true;
    }
    if (!startsValue(token.type)) return false;

    expect = afterValue();
    return true;
  }

  function close(kind: 'object' | 'array'): boolean {
    if (inside() !== kind) return false;

    open.pop();
    expect = afterValue();
    return true;
  }

  return {
    accept,
    expect: () => expect,
    stop: (index: number): GrammarStop => ({ index, expect, open: [...open] }),
  };
}
