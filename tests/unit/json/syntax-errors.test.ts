import { describe, expect, it } from 'vitest';
import { JSON_PROBLEM_KINDS, type JsonProblemKind } from '../../../src/core/json/problem.ts';
import { checkSyntax, MAX_ERRORS } from '../../../src/core/json/syntax.ts';
import cases from './syntax-cases.json';

interface SyntaxCase {
  name: string;
  text: string;
  kind: JsonProblemKind;
  line: number;
  column: number;
  offset: number;
  /** The character the caret stands under, or null when it stands after the end of the line. */
  underCaret: string | null;
  says: string;
}

describe('each syntax mistake is named in plain words, at its exact place', () => {
  it.each(cases as SyntaxCase[])('$name', (c) => {
    const { ok, problems } = checkSyntax(c.text);
    const first = problems[0]!;

    expect(ok).toBe(false);
    expect({
      kind: first.kind,
      line: first.line,
      column: first.column,
      offset: first.offset,
    }).toEqual({
      kind: c.kind,
      line: c.line,
      column: c.column,
      offset: c.offset,
    });
    expect(first.severity).toBe('error');
    expect(first.title).toBe(JSON_PROBLEM_KINDS[c.kind].title);
    expect(first.message).toContain(c.says);

    const caret = first.excerpt.caret.indexOf('^');
    expect(first.excerpt.caret.trimStart()).toBe('^');
    expect(first.excerpt.text[caret] ?? null).toBe(c.underCaret);
  });
});

describe('one check reports several mistakes when each can be set right with certainty', () => {
  it('quotes, then a trailing comma, each in document order', () => {
    const { problems } = checkSyntax("{'a': 1, 'b': [1,2,],}");

    expect(problems.map((p) => `${p.kind}@${p.column}`)).toEqual([
      'single-quotes@2',
      'single-quotes@10',
      'trailing-comma@20',
      'trailing-comma@22',
    ]);
  });

  it('a comment and a missing comma in a multi-line policy', () => {
    const text = [
      '{',
      '  // allow connecting',
      '  "Version": "2012-10-17"',
      '  "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"}]',
      '}',
    ].join('\n');

    expect(checkSyntax(text).problems.map((p) => [p.kind, p.line, p.column])).toEqual([
      ['comment', 2, 3],
      ['missing-comma', 4, 3],
    ]);
  });

  it('stops at a mistake it cannot set right, so later reports are not echoes of it', () => {
    const { problems } = checkSyntax('{temp: 21,}');

    expect(problems.map((p) => p.kind)).toEqual(['unquoted-key']);
  });

  it('reports at most MAX_ERRORS mistakes', () => {
    const text = `[${Array.from({ length: 40 }, () => '1,,').join('')}1]`;

    expect(checkSyntax(text).problems).toHaveLength(MAX_ERRORS);
  });

  it('every problem points into the text as the learner wrote it, not as repaired', () => {
    const { problems } = checkSyntax("{'a': NaN,}");

    expect(problems.map((p) => [p.kind, p.excerpt.text])).toEqual([
      ['single-quotes', "{'a': NaN,}"],
      ['nan-or-infinity', "{'a': NaN,}"],
      ['trailing-comma', "{'a': NaN,}"],
    ]);
  });
});

describe('valid JSON', () => {
  it.each([
    ['an object', '{"a": 1}', { a: 1 }],
    ['an array', '[1, "two", true, false, null]', [1, 'two', true, false, null]],
    ['a string on its own', '"hello"', 'hello'],
    ['a number on its own', '-12.5e3', -12500],
    ['escapes', '"tab\\tquote\\"slash\\/u\\u00e9"', 'tab\tquote"slash/u\u00e9'],
    ['whitespace all around', ' \r\n\t{ }\n', {}],
  ])('%s parses with no problems', (_name, text, value) => {
    expect(checkSyntax(text)).toMatchObject({ ok: true, problems: [], value });
  });

  it("gives momoa's tree, whose offsets are offsets in the text as given", () => {
    const { ast } = checkSyntax('\uFEFF{"a": 1}');

    expect(ast?.body.type).toBe('Object');
    expect(ast?.body.loc.start.offset).toBe(1);
  });
});
