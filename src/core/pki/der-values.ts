/** The values inside primitive DER elements: INTEGER, OID, BOOLEAN, BIT STRING, times, text. */
import { toHex } from './bytes.ts';
import type { Bytes } from './crypto-port.ts';
import { TAG, content, tagName, type Tlv } from './der-reader.ts';
import { decodeError } from './pki-problem.ts';
import { bmpDecode, latin1Decode, universalDecode, utf8Decode } from './text-encoding.ts';

/** An INTEGER's magnitude without the sign byte, and whether it is negative. */
export interface IntegerValue {
  /** Lowercase hex of the value's bytes with any leading 0x00 sign byte removed. */
  hex: string;
  negative: boolean;
  /** The value as a number when it fits exactly. */
  number?: number;
  /** Bytes of the magnitude (no sign byte). */
  magnitude: Bytes;
}

export function readInteger(tlv: Tlv, field: string): IntegerValue {
  const bytes = content(tlv);
  if (bytes.length === 0) {
    throw decodeError('invalid-integer', `${field} is an INTEGER with no bytes at all.`, {
      offset: tlv.offset,
    });
  }
  if (
    bytes.length > 1 &&
    ((bytes[0] === 0 && bytes[1]! < 0x80) || (bytes[0] === 0xff && bytes[1]! >= 0x80))
  ) {
    throw decodeError(
      'invalid-integer',
      `${field} starts with a redundant 0x${toHex(bytes.subarray(0, 1))} byte; DER writes every ` +
        'INTEGER in its shortest form.',
      { offset: tlv.offset },
    );
  }

  const negative = bytes[0]! >= 0x80;
  const magnitude = bytes[0] === 0 && bytes.length > 1 ? bytes.subarray(1) : bytes;
  const value: IntegerValue = { hex: toHex(magnitude), negative, magnitude };
  // Six bytes always fit a double exactly.
  if (bytes.length <= 6) value.number = negative ? twosComplement(bytes) : unsigned(bytes);
  return value;
}

function unsigned(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) n = n * 256 + byte;
  return n;
}

function twosComplement(bytes: Uint8Array): number {
  return unsigned(bytes) - 2 ** (8 * bytes.length);
}

/** A dotted object identifier, e.g. `2.5.4.3`. */
export function readOid(tlv: Tlv, field: string): string {
  const bytes = content(tlv);
  if (bytes.length === 0 || (bytes[bytes.length - 1]! & 0x80) !== 0) {
    throw decodeError('invalid-oid', `${field} is an OBJECT IDENTIFIER that ends mid-number.`, {
      offset: tlv.offset,
    });
  }

  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift()!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

export function readBoolean(tlv: Tlv, field: string): boolean {
  const bytes = content(tlv);
  if (bytes.length !== 1 || (bytes[0] !== 0 && bytes[0] !== 0xff)) {
    throw decodeError('unexpected-element', `${field} is a BOOLEAN that is not 0x00 or 0xFF.`, {
      offset: tlv.offset,
    });
  }
  return bytes[0] === 0xff;
}

/** A BIT STRING's bytes and how many bits of the last byte are unused. */
export interface BitStringValue {
  unusedBits: number;
  bytes: Bytes;
}

export function readBitString(tlv: Tlv, field: string): BitStringValue {
  const bytes = content(tlv);
  const unusedBits = bytes[0] ?? -1;
  if (unusedBits < 0 || unusedBits > 7 || (bytes.length === 1 && unusedBits !== 0)) {
    throw decodeError(
      'invalid-bit-string',
      `${field} is a BIT STRING whose first byte (the count of unused bits) is ${unusedBits < 0 ? 'missing' : unusedBits}; it must be 0 to 7.`,
      { offset: tlv.offset },
    );
  }
  return { unusedBits, bytes: bytes.subarray(1) };
}

/** The numbers of the bits set in a BIT STRING, bit 0 being the first (most significant). */
export function setBits(value: BitStringValue): number[] {
  const bits: number[] = [];
  value.bytes.forEach((byte, i) => {
    for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) bits.push(i * 8 + bit);
  });
  return bits;
}

export type TimeType = 'UTCTime' | 'GeneralizedTime';

/** RFC 5280 §4.1.2.5: UTCTime is YYMMDDHHMMSSZ; GeneralizedTime is YYYYMMDDHHMMSSZ. */
export function readTime(tlv: Tlv, field: string): { date: Date; type: TimeType; text: string } {
  const text = latin1Decode(content(tlv));
  const type: TimeType = tlv.tagNumber === TAG.UTCTime ? 'UTCTime' : 'GeneralizedTime';
  if (
    tlv.tagClass !== 'universal' ||
    (tlv.tagNumber !== TAG.UTCTime && tlv.tagNumber !== TAG.GeneralizedTime)
  ) {
    throw decodeError(
      'unexpected-element',
      `${field} should be a UTCTime or GeneralizedTime, not ${tagName(tlv)}.`,
      {
        offset: tlv.offset,
      },
    );
  }

  const match =
    type === 'UTCTime'
      ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text)
      : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text);
  if (!match) {
    const form = type === 'UTCTime' ? 'YYMMDDHHMMSSZ' : 'YYYYMMDDHHMMSSZ';
    throw decodeError(
      'invalid-time',
      `${field} is the ${type} "${text}", which is not of the form ${form} that RFC 5280 requires.`,
      { offset: tlv.offset },
    );
  }

  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  // RFC 5280 §4.1.2.5.1: two-digit years 50-99 are 19xx, 00-49 are 20xx.
  const year = type === 'UTCTime' ? (y! >= 50 ? 1900 + y! : 2000 + y!) : y!;
  const date = new Date(Date.UTC(year, mo! - 1, d!, h!, mi!, s!));
  if (
    date.getUTCMonth() !== mo! - 1 ||
    date.getUTCDate() !== d! ||
    h! > 23 ||
    mi! > 59 ||
    s! > 59
  ) {
    throw decodeError(
      'invalid-time',
      `${field} is the ${type} "${text}", which is not a real date.`,
      {
        offset: tlv.offset,
      },
    );
  }
  return { date, type, text };
}

/** Names of the ASN.1 string types X.509 names use. */
const STRING_TAGS: Record<number, string> = {
  [TAG.UTF8String]: 'UTF8String',
  [TAG.PrintableString]: 'PrintableString',
  [TAG.TeletexString]: 'TeletexString',
  [TAG.IA5String]: 'IA5String',
  [TAG.UniversalString]: 'UniversalString',
  [TAG.BMPString]: 'BMPString',
};

export function isStringTag(tlv: Tlv): boolean {
  return tlv.tagClass === 'universal' && tlv.tagNumber in STRING_TAGS;
}

/** The characters PrintableString may hold (X.680 §41.4). */
export const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** The text of a string element, checked against its type. */
export function readString(tlv: Tlv, field: string): { text: string; type: string } {
  const type = STRING_TAGS[tlv.tagNumber];
  const bytes = content(tlv);
  if (tlv.tagClass !== 'universal' || type === undefined) {
    throw decodeError(
      'unexpected-element',
      `${field} should be a string type, not ${tagName(tlv)}.`,
      {
        offset: tlv.offset,
      },
    );
  }

  const text =
    tlv.tagNumber === TAG.UTF8String
      ? utf8Decode(bytes)
      : tlv.tagNumber === TAG.BMPString
        ? bmpDecode(bytes)
        : tlv.tagNumber === TAG.UniversalString
          ? universalDecode(bytes)
          : latin1Decode(bytes);
  if (text === undefined) {
    throw decodeError(
      'invalid-string',
      `${field} is a ${type} whose bytes are not valid ${type}.`,
      {
        offset: tlv.offset,
      },
    );
  }
  if (tlv.tagNumber === TAG.PrintableString && !PRINTABLE.test(text)) {
    throw decodeError(
      'invalid-string',
      `${field} is a PrintableString holding "${text}", but PrintableString allows only letters, ` +
        "digits, spaces and ' ( ) + , - . / : = ?. Such text must be a UTF8String.",
      { offset: tlv.offset },
    );
  }
  if (tlv.tagNumber === TAG.IA5String && /[^\x00-\x7f]/.test(text)) {
    throw decodeError(
      'invalid-string',
      `${field} is an IA5String with bytes above 0x7F; IA5String is ASCII.`,
      {
        offset: tlv.offset,
      },
    );
  }
  return { text, type };
}
