/** Byte helpers the PKI code shares: hex, base64 and the binary strings node-forge uses. */
import type { Bytes } from './crypto-port.ts';

const HEX = '0123456789abcdef';

/** Lowercase hex without separators, e.g. `0a1b`. */
export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += HEX[byte >> 4]! + HEX[byte & 15]!;
  return text;
}

/** Upper-case hex with colons, the way OpenSSL prints fingerprints and key identifiers. */
export function toColonHex(bytes: Uint8Array): string {
  return (toHex(bytes).toUpperCase().match(/../g) ?? []).join(':');
}

/** Bytes from hex; colons and spaces are ignored. Throws on an odd count or a non-hex digit. */
export function fromHex(hex: string): Bytes {
  const clean = hex.replace(/[:\s]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    throw new Error(`'${hex}' is not hex: write pairs of the digits 0-9 and a-f.`);
  }

  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding, on one line. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    text += BASE64[a >> 2]!;
    text += BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    text += b === undefined ? '=' : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    text += c === undefined ? '=' : BASE64[c & 63]!;
  }
  return text;
}

/** The value of one base64 character, or -1. */
export function base64Value(char: string): number {
  return BASE64.indexOf(char);
}

/** Bytes as a string of char codes 0-255, the form node-forge reads and writes. */
export function toBinaryString(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return text;
}

export function fromBinaryString(text: string): Bytes {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A copy that owns a plain ArrayBuffer, whatever the input was backed by. */
export function ownBytes(bytes: Uint8Array): Bytes {
  return new Uint8Array(bytes);
}

/** The bytes of base64url text (JWK fields). */
export function fromBase64Url(text: string): Bytes {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  const values = [...standard].map(base64Value);
  const bytes: number[] = [];
  for (let i = 0; i + 1 < values.length; i += 4) {
    const [a = 0, b = 0, c, d] = values.slice(i, i + 4);
    bytes.push((a << 2) | (b >> 4));
    if (c !== undefined) bytes.push(((b & 15) << 4) | (c >> 2));
    if (c !== undefined && d !== undefined) bytes.push(((c & 3) << 6) | d);
  }
  return new Uint8Array(bytes);
}
