/**
 * The few DER encodings the core writes itself: wrapping a PKCS#1 or SEC1 key into PKCS#8 and
 * building a SubjectPublicKeyInfo from a key's numbers. Certificates and CSRs are encoded by
 * node-forge and @peculiar/x509 behind their adapters.
 */
import { concatBytes } from './bytes.ts';
import type { Bytes } from './crypto-port.ts';
import { TAG } from './der-reader.ts';

export function tlv(tag: number, ...parts: Uint8Array[]): Bytes {
  const body = concatBytes(...parts);
  return concatBytes(new Uint8Array([tag]), lengthBytes(body.length), body);
}

function lengthBytes(length: number): Bytes {
  if (length < 0x80) return new Uint8Array([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...parts: Uint8Array[]) => tlv(0x20 | TAG.SEQUENCE, ...parts);

/** A non-negative INTEGER from its magnitude, with a 0x00 sign byte when the top bit is set. */
export function unsignedInteger(magnitude: Uint8Array): Bytes {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const sign = trimmed.length === 0 || trimmed[0]! >= 0x80 ? [0] : [];
  return tlv(TAG.INTEGER, new Uint8Array(sign), trimmed);
}

export const smallInteger = (value: number) => tlv(TAG.INTEGER, new Uint8Array([value]));
export const nullValue = () => tlv(TAG.NULL);
export const octetString = (bytes: Uint8Array) => tlv(TAG.OCTET_STRING, bytes);
export const bitString = (bytes: Uint8Array) => tlv(TAG.BIT_STRING, new Uint8Array([0]), bytes);

export function objectIdentifier(dotted: string): Bytes {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const group = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128))
      group.unshift(0x80 | (n & 0x7f));
    bytes.push(...group);
  }
  return tlv(TAG.OBJECT_IDENTIFIER, new Uint8Array(bytes));
}
