/**
 * Writing a Name (RFC 5280 §4.1.2.4) as DER, each attribute in the string type chosen for it:
 * PrintableString when the text fits, UTF8String otherwise.
 */
import type { Bytes } from './crypto-port.ts';
import type { NameAttributeValue } from './certificate-template.ts';
import { TAG } from './der-reader.ts';
import { objectIdentifier, sequence, tlv } from './der-writer.ts';
import { utf8Encode } from './text-encoding.ts';

const STRING_TAGS: Record<string, number> = {
  PrintableString: TAG.PrintableString,
  UTF8String: TAG.UTF8String,
  IA5String: TAG.IA5String,
};

export function encodeName(rdns: NameAttributeValue[][]): Bytes {
  const sets = rdns.map((rdn) => {
    const pairs = rdn.map((a) =>
      sequence(
        objectIdentifier(a.oid),
        tlv(STRING_TAGS[a.stringType] ?? TAG.UTF8String, utf8Encode(a.value)),
      ),
    );
    // DER sorts the members of a SET OF by their encodings (X.690 §11.6).
    return tlv(0x20 | TAG.SET, ...pairs.sort(compareBytes));
  });
  return sequence(...sets);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
