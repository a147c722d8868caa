import { describe, expect, it } from 'vitest';
import { minify, prettyPrint } from '../../../src/core/json/format.ts';

describe('pretty-printing and minifying change only the whitespace', () => {
  it('pretty-prints with two spaces, one member per line, empty containers kept short', () => {
    expect(prettyPrint('{"a":1,"b":[true,null,{}],"c":{"d":[]}}')).toEqual({
      ok: true,
      text: '{\n  "a": 1,\n  "b": [\n    true,\n    null,\n    {}\n  ],\n  "c": {\n    "d": []\n  }\n}',
    });
  });

  it('takes another indent', () => {
    expect(prettyPrint('[1,2]', 4)).toEqual({ ok: true, text: '[\n    1,\n    2\n]' });
  });

  it('minifies to the smallest text with the same meaning', () => {
    expect(minify('{\n  "a": 1,\n  "b": [ 1, 2 ]\n}\n')).toEqual({
      ok: true,
      text: '{"a":1,"b":[1,2]}',
    });
  });

  it('keeps numbers exactly as written, which JSON.parse would round', () => {
    const text = '{"id":12345678901234567890,"t":1.10}';

    expect(minify(text)).toEqual({ ok: true, text });
    expect(prettyPrint(text)).toEqual({
      ok: true,
      text: '{\n  "id": 12345678901234567890,\n  "t": 1.10\n}',
    });
  });

  it('keeps strings exactly as escaped, and duplicate keys visible', () => {
    const text = '{"s":"a\\u00e9\\n","s":2}';

    expect(minify(text)).toEqual({ ok: true, text });
  });

  it('drops a byte order mark', () => {
    expect(minify('\uFEFF{ "a" : 1 }')).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('formats a lone value', () => {
    expect(prettyPrint(' "x" ')).toEqual({ ok: true, text: '"x"' });
  });

  it.each([['{"a":1,}'], ["{'a':1}"], ['{"a":"\t"}'], ['']])(
    'refuses %j, which is not JSON',
    (text) => {
      expect(prettyPrint(text)).toEqual({ ok: false });
      expect(minify(text)).toEqual({ ok: false });
    },
  );
});
