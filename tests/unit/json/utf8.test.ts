import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/core/json/utf8.ts';

describe('bytes read from a file must be UTF-8', () => {
  it.each(['{"a": 1}', 'é', '€', '🌡', '\uFEFF{}'])('decodes %j as TextDecoder does', (text) => {
    expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ ok: true, text });
  });

  it.each([
    ['UTF-16 (little-endian)', [0xff, 0xfe, 0x7b, 0x00]],
    ['UTF-16 (big-endian)', [0xfe, 0xff, 0x00, 0x7b]],
    ['UTF-32 (little-endian)', [0xff, 0xfe, 0x00, 0x00]],
  ])('names a %s file', (encoding, raw) => {
    const decoded = decodeUtf8(new Uint8Array(raw));

    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.problem.kind).toBe('not-utf8');
      expect(decoded.problem.message).toContain(`The file is ${encoding}, not UTF-8`);
      expect(decoded.problem.message).toContain('Out-File -Encoding utf8');
    }
  });

  it.each([
    ['a Latin-1 é', [0x7b, 0x22, 0xe9, 0x22, 0x7d], 2],
    ['an overlong encoding', [0x41, 0xc0, 0xaf], 1],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 0],
    ['a truncated sequence', [0x41, 0xe2, 0x82], 1],
  ])('finds the first bad byte: %s', (_name, raw, at) => {
    const decoded = decodeUtf8(new Uint8Array(raw));

    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem.message).toMatch(new RegExp(`^Byte ${at} \\(0x`));
  });
});
