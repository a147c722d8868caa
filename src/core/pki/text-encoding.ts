/**
 * UTF-8 and the other string encodings X.509 names use. The core has no TextEncoder (it is a
 * platform API), so these are written out; they are small and strict.
 */
import type { Bytes } from './crypto-port.ts';

export function utf8Encode(text: string): Bytes {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) {
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    } else {
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
    }
  }
  return new Uint8Array(bytes);
}

/** The text of UTF-8 bytes, or undefined when they are not well-formed UTF-8. */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i]!;
    const size = first < 0x80 ? 1 : first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc2 ? 2 : 0;
    if (size === 0 || i + size > bytes.length) return undefined;

    let code = size === 1 ? first : first & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return undefined;
      code = (code << 6) | (next & 63);
    }
    const shortest = [0, 0, 0x80, 0x800, 0x10000][size]!;
    if (code < shortest || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;

    text += String.fromCodePoint(code);
    i += size;
  }
  return text;
}

/** BMPString: UTF-16 big-endian. */
export function bmpDecode(bytes: Uint8Array): string | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let text = '';
  for (let i = 0; i < bytes.length; i += 2)
    text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return text;
}

/** UniversalString: UTF-32 big-endian. */
export function universalDecode(bytes: Uint8Array): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  let text = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const code =
      ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    if (code > 0x10ffff) return undefined;
    text += String.fromCodePoint(code);
  }
  return text;
}

/** One byte per character: IA5String, PrintableString and (loosely) TeletexString. */
export function latin1Decode(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
