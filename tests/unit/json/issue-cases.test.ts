import { describe, expect, it } from 'vitest';
import { checkJson } from '../../../src/core/json/check.ts';
import type { JsonProblem } from '../../../src/core/json/problem.ts';
import { compileSchema, type CompiledSchema } from '../../../src/core/json/schema.ts';
import { SHADOW_UPDATE_SCHEMA } from '../../../src/core/json/schemas.ts';
import { checkSyntax } from '../../../src/core/json/syntax.ts';

/** The character the caret stands under, read from the excerpt the learner sees. */
function underCaret(problem: JsonProblem): string {
  return problem.excerpt.text[problem.excerpt.caret.indexOf('^')] ?? '';
}

function shadowSchema(): CompiledSchema {
  const compiled = compileSchema(SHADOW_UPDATE_SCHEMA, 'the shadow update schema');
  if (!compiled.ok) throw new Error('the shadow schema should compile');
  return compiled;
}

describe('the cases issue 7 says must hold', () => {
  it('a policy with a comma before } is a trailing comma, with the caret on that }', () => {
    const text =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*",}]}';
    const { ok, problems } = checkSyntax(text);

    expect(ok).toBe(false);
    expect(problems).toHaveLength(1);
    const [problem] = problems as [JsonProblem];
    expect(problem).toMatchObject({
      kind: 'trailing-comma',
      severity: 'error',
      title: 'Trailing comma',
      line: 1,
      column: 94,
      offset: 93,
      rule: 'RFC 8259 §4, §5',
    });
    expect(text[problem.offset]).toBe('}');
    expect(problem.excerpt.caret.indexOf('^')).toBe(70);
    expect(underCaret(problem)).toBe('}');
    expect(problem.message).toBe(
      'The comma at line 1, column 93 is followed by `}`, so it separates nothing. JSON allows ' +
        'a comma only between two members; JavaScript and JSON5 accept a trailing comma, JSON ' +
        'does not. Delete that comma.',
    );
  });

  it('single-quoted keys and strings are named as single quotes, the first at its quote', () => {
    const { ok, problems } = checkSyntax("{'Version':'2012-10-17','Statement':[]}");

    expect(ok).toBe(false);
    expect(problems.map((p) => [p.kind, p.line, p.column, p.offset])).toEqual([
      ['single-quotes', 1, 2, 1],
      ['single-quotes', 1, 12, 11],
      ['single-quotes', 1, 25, 24],
    ]);
    const first = problems[0]!;
    expect(first.excerpt.caret).toBe(' ^');
    expect(underCaret(first)).toBe("'");
    expect(first.message).toBe(
      'This key is in single quotes. JSON strings and keys use double quotes only: write ' +
        '"Version" instead of \'Version\'.',
    );
  });

  it('a // comment is named as a comment, on its own line and column', () => {
    const text = '{\n  "Version": "2012-10-17",\n  // comment\n  "Statement": []\n}';
    const { ok, problems } = checkSyntax(text);

    expect(ok).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'comment', line: 3, column: 3, offset: 31 });
    expect(problems[0]!.excerpt).toEqual({ text: '  // comment', caret: '  ^' });
    expect(problems[0]!.message).toBe(
      '`// comment` is a comment, and JSON has no comments. JavaScript, JSON5 and "JSON with ' +
        'comments" (JSONC, as in editor settings) accept them; a JSON parser, AWS IoT ' +
        'included, rejects the whole document. Delete the comment, or keep the note in the ' +
        'file you write it in and strip it before sending.',
    );
  });

  it('a valid document after a byte order mark is accepted, with a warning', () => {
    const { ok, value, problems } = checkSyntax('\uFEFF{"Version":"2012-10-17","Statement":[]}');

    expect(ok).toBe(true);
    expect(value).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      kind: 'byte-order-mark',
      severity: 'warning',
      line: 1,
      column: 1,
      offset: 0,
    });
    expect(problems[0]!.excerpt.caret).toBe('^');
    expect(problems[0]!.message).toBe(
      'The text starts with a byte order mark (U+FEFF), which some Windows editors add when ' +
        'saving as "UTF-8 with BOM". It was ignored here, as RFC 8259 allows, but JSON sent ' +
        'over a network must not start with one and some parsers reject it. Save the file as ' +
        'UTF-8 without BOM.',
    );
  });

  it('./policy.json is a file path, with the AWS CLI file:// hint', () => {
    const { ok, problems } = checkSyntax('./policy.json');

    expect(ok).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'file-path', line: 1, column: 1, offset: 0 });
    expect(problems[0]!.excerpt).toEqual({ text: './policy.json', caret: '^' });
    expect(problems[0]!.message).toBe(
      'This is the file path ./policy.json, not JSON. Put the contents of the file here ' +
        'instead. With the AWS CLI, write file://policy.json (for example --policy-document ' +
        'file://policy.json) so the CLI reads the file and sends what is inside; without ' +
        'file:// it sends the path itself as the document.',
    );
  });

  it('a shadow update without "state" is JSON, but fails the shadow schema at its root', () => {
    const text = '{"reported": {"temp": 21}}';

    expect(checkSyntax(text).ok).toBe(true);
    const { ok, problems } = checkJson(text, shadowSchema());
    expect(ok).toBe(false);
    const missing = problems[0]!;
    expect(missing).toMatchObject({
      kind: 'schema-mismatch',
      path: '$',
      pointer: '',
      line: 1,
      column: 1,
      offset: 0,
      expected: 'the property "state"',
      found: 'an object with only "reported"',
    });
    expect(underCaret(missing)).toBe('{');
    expect(missing.message).toBe(
      'At the root ($), the shadow update schema expects the property "state", but found an ' +
        'object with only "reported". Add "state" (an object holding "desired", "reported" or ' +
        'both).',
    );
    expect(problems[1]!.message).toContain('"reported" belongs inside "state"');
  });
});
