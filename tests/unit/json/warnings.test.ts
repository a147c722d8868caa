import { describe, expect, it } from 'vitest';
import { checkSyntax } from '../../../src/core/json/syntax.ts';

describe('valid JSON that still surprises someone is accepted with a warning', () => {
  it('a key given twice: the warning sits on the second and names the first and its lost value', () => {
    const { ok, value, problems } = checkSyntax('{\n  "temp": 21.5,\n  "temp": 22\n}');

    expect(ok).toBe(true);
    expect(value).toEqual({ temp: 22 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      kind: 'duplicate-key',
      severity: 'warning',
      line: 3,
      column: 3,
      offset: 20,
    });
    expect(problems[0]!.message).toContain('the first is at line 2, column 3');
    expect(problems[0]!.message).toContain('`21.5` is silently lost');
  });

  it('the same key in two different objects is not a duplicate', () => {
    expect(checkSyntax('[{"id": 1}, {"id": 2}]').problems).toEqual([]);
  });

  it.each([
    ['just above 2^53 − 1', '9007199254740993', 'becomes 9007199254740992'],
    ['a 20-digit serial number', '12345678901234567890', 'becomes 12345678901234567168'],
    ['a negative one', '-9007199254740993', 'becomes -9007199254740992'],
    ['2^53 itself, which a double does hold', '9007199254740992', 'happens to stay exact'],
  ])('an integer beyond 2^53 − 1 loses precision: %s', (_name, raw, says) => {
    const { ok, problems } = checkSyntax(`{"id": ${raw}}`);

    expect(ok).toBe(true);
    expect(problems.map((p) => [p.kind, p.severity, p.offset])).toEqual([
      ['unsafe-integer', 'warning', 7],
    ]);
    expect(problems[0]!.message).toContain(says);
  });

  it.each(['9007199254740991', '-9007199254740991', '1e300', '12345678901234567890.5'])(
    '%s is not warned about',
    (raw) => {
      expect(checkSyntax(`[${raw}]`).problems).toEqual([]);
    },
  );

  it('a number beyond the largest double is out of range', () => {
    const { ok, problems } = checkSyntax('[1e400]');

    expect(ok).toBe(true);
    expect(problems[0]).toMatchObject({ kind: 'number-overflow', severity: 'warning', offset: 1 });
  });

  it('warnings follow the errors that are set right on the way', () => {
    const { ok, problems } = checkSyntax('{"a": 1, "a": 2,}');

    expect(ok).toBe(false);
    expect(problems.map((p) => p.kind)).toEqual(['trailing-comma', 'duplicate-key']);
  });
});
