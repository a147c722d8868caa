/**
 * A DER reader that keeps every element's byte offset, so decoded fields can point at the bytes
 * they came from, and a truncated input can say how long it claimed to be (X.690 §8.1).
 */
import type { Bytes } from './crypto-port.ts';
import { decodeError } from './pki-problem.ts';

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OBJECT_IDENTIFIER: 6,
  UTF8String: 12,
  SEQUENCE: 16,
  SET: 17,
  PrintableString: 19,
  TeletexString: 20,
  IA5String: 22,
  UTCTime: 23,
  GeneralizedTime: 24,
  UniversalString: 28,
  BMPString: 30,
} as const;

const UNIVERSAL_NAMES = Object.fromEntries(
  Object.entries(TAG).map(([name, number]) => [number, name.replace('_', ' ')]),
) as Record<number, string>;

export type TagClass = 'universal' | 'application' | 'context' | 'private';

const CLASSES: readonly TagClass[] = ['universal', 'application', 'context', 'private'];

/** One element: its tag, where it starts, and how long its header and content are. */
export interface Tlv {
  tagClass: TagClass;
  constructed: boolean;
  tagNumber: number;
  /** Offset of the first tag byte in `source`. */
  offset: number;
  headerLength: number;
  /** Length of the content, as the header declares it. */
  length: number;
  /** Offset just after the content. */
  end: number;
  source: Bytes;
}

/** The element's type as ASN.1 writes it: `SEQUENCE`, `UTF8String`, `[0]`. */
export function tagName(tlv: Tlv): string {
  if (tlv.tagClass === 'context') return `[${tlv.tagNumber}]`;
  if (tlv.tagClass !== 'universal') return `[${tlv.tagClass.toUpperCase()} ${tlv.tagNumber}]`;
  return UNIVERSAL_NAMES[tlv.tagNumber] ?? `universal ${tlv.tagNumber}`;
}

export function content(tlv: Tlv): Bytes {
  return tlv.source.subarray(tlv.offset + tlv.headerLength, tlv.end);
}

/** The whole element, header included. */
export function encoded(tlv: Tlv): Bytes {
  return tlv.source.subarray(tlv.offset, tlv.end);
}

/**
 * Reads the element at `offset`, which must end by `limit`. `what` names it in errors, e.g.
 * "the outer SEQUENCE".
 */
export function readTlv(
  source: Bytes,
  offset = 0,
  limit = source.length,
  what = 'an element',
): Tlv {
  if (offset >= limit) {
    throw decodeError(
      'missing-element',
      `Expected ${what} at offset ${offset}, but the data ends there.`,
      {
        offset,
      },
    );
  }

  const first = source[offset]!;
  let position = offset + 1;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    let byte: number;
    do {
      byte = source[position] ?? 0;
      if (position >= limit) throw truncatedHeader(what, offset);
      tagNumber = tagNumber * 128 + (byte & 0x7f);
      position++;
    } while (byte & 0x80);
  }

  if (position >= limit) throw truncatedHeader(what, offset);
  const lengthByte = source[position++]!;
  let length = lengthByte;
  if (lengthByte === 0x80) {
    throw decodeError(
      'indefinite-length',
      `${capital(what)} at offset ${offset} has an indefinite length (0x80), which BER allows but ` +
        'DER forbids. Re-encode it as DER, e.g. with `openssl x509 -outform DER`.',
      { offset },
    );
  }
  if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4 || position + count > limit) throw truncatedHeader(what, offset);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + source[position + i]!;
    if (length < 0x80 || source[position] === 0) {
      throw decodeError(
        'long-length',
        `${capital(what)} at offset ${offset} writes its length ${length} in ${count} bytes; DER ` +
          'requires the shortest form.',
        { offset },
      );
    }
    position += count;
  }

  const available = limit - position;
  if (length > available) {
    throw decodeError(
      'truncated',
      `${capital(what)} at offset ${offset} declares ${length} bytes of content, but only ` +
        `${available} ${available === 1 ? 'is' : 'are'} available.`,
      { offset, declared: length, available },
    );
  }

  return {
    tagClass: CLASSES[first >> 6]!,
    constructed: (first & 0x20) !== 0,
    tagNumber,
    offset,
    headerLength: position - offset,
    length,
    end: position + length,
    source,
  };
}

/** The elements inside a constructed element, in order. */
export function children(parent: Tlv, what = 'an element'): Tlv[] {
  const found: Tlv[] = [];
  let offset = parent.offset + parent.headerLength;
  while (offset < parent.end) {
    const child = readTlv(parent.source, offset, parent.end, what);
    found.push(child);
    offset = child.end;
  }
  return found;
}

/** The one element that must fill `source` exactly. */
export function readWhole(source: Bytes, what: string): Tlv {
  const tlv = readTlv(source, 0, source.length, what);
  if (tlv.end < source.length) {
    const extra = source.length - tlv.end;
    throw decodeError(
      'trailing-bytes',
      `${capital(what)} ends at byte ${tlv.end}, but ${extra} more byte${extra === 1 ? '' : 's'} ` +
        'follow it. Two objects may have been joined, or the file has padding after the DER.',
      { offset: tlv.end },
    );
  }
  return tlv;
}

/** The predicate narrows a possibly missing element, without ruling out `Tlv` when false. */
export function isUniversal(
  tlv: Tlv | undefined,
  tagNumber: number,
): tlv is Tlv & { tagClass: 'universal' } {
  return tlv !== undefined && tlv.tagClass === 'universal' && tlv.tagNumber === tagNumber;
}

export function isContext(
  tlv: Tlv | undefined,
  tagNumber: number,
): tlv is Tlv & { tagClass: 'context' } {
  return tlv !== undefined && tlv.tagClass === 'context' && tlv.tagNumber === tagNumber;
}

/** The element if it has the universal tag, otherwise an ASN.1 structure error naming `field`. */
export function expect(tlv: Tlv | undefined, tagNumber: number, field: string, parent: Tlv): Tlv {
  const wanted = UNIVERSAL_NAMES[tagNumber] ?? `tag ${tagNumber}`;
  if (tlv === undefined) {
    throw decodeError(
      'missing-element',
      `${field} (${wanted}) is missing: the element at offset ${parent.offset} ends before it.`,
      { offset: parent.end },
    );
  }
  if (!isUniversal(tlv, tagNumber)) {
    throw decodeError(
      'unexpected-element',
      `${field} should be ${article(wanted)} ${wanted}, but offset ${tlv.offset} holds ` +
        `${article(tagName(tlv))} ${tagName(tlv)}.`,
      { offset: tlv.offset },
    );
  }
  return tlv;
}

/** The element if present, whatever its tag; otherwise an ASN.1 structure error naming `field`. */
export function required(tlv: Tlv | undefined, field: string, parent: Tlv): Tlv {
  if (tlv === undefined) {
    throw decodeError(
      'missing-element',
      `${field} is missing: the element at offset ${parent.offset} ends before it.`,
      {
        offset: parent.end,
      },
    );
  }
  return tlv;
}

function truncatedHeader(what: string, offset: number) {
  return decodeError(
    'truncated',
    `${capital(what)} at offset ${offset} is cut off inside its header.`,
    {
      offset,
    },
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}
