import { describe, expect, it } from 'vitest';
import { EXCERPT_WIDTH, excerptAt, positionAt } from '../../../src/core/json/position.ts';

describe('positions', () => {
  it.each([
    ['start', 'ab\ncd', 0, 1, 1],
    ['second line', 'ab\ncd', 4, 2, 2],
    ['on the line break', 'ab\ncd', 2, 1, 3],
    ['after CRLF', 'ab\r\ncd', 4, 2, 1],
    ['after a lone CR', 'ab\rcd', 3, 2, 1],
    ['past the end', 'ab', 9, 1, 3],
  ])('%s', (_name, text, offset, line, column) => {
    expect(positionAt(text, offset)).toMatchObject({ line, column });
  });
});

describe('excerpts', () => {
  it('puts the caret under the character', () => {
    expect(excerptAt('{"a": x}', 6)).toEqual({ text: '{"a": x}', caret: '      ^' });
  });

  it('copies tabs into the caret line so the caret lines up in a terminal', () => {
    expect(excerptAt('\t\t"a": x', 7)).toEqual({ text: '\t\t"a": x', caret: '\t\t     ^' });
  });

  it('shows control characters and invisible spaces as visible symbols', () => {
    expect(excerptAt('"a\u0001b"\u00a0', 2).text).toBe('"a\u2401b"\u00b7');
  });

  it('cuts a long line around the caret and marks the cuts', () => {
    const line = `${'a'.repeat(100)}X${'b'.repeat(100)}`;
    const { text, caret } = excerptAt(line, 100);

    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBe(EXCERPT_WIDTH + 2);
    expect(text[caret.indexOf('^')]).toBe('X');
  });

  it('counts a character outside the BMP once', () => {
    const { caret } = excerptAt('"🌡️": x', 6);
    expect(caret.indexOf('^')).toBe(5);
  });
});
