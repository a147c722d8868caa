/**
 * Distinguished names (RFC 5280 §4.1.2.4) read from DER, with each attribute's string type, and
 * written as text the way OpenSSL does with `-nameopt RFC2253`.
 */
import { toHex } from './bytes.ts';
import type { Bytes } from './crypto-port.ts';
import { TAG, children, encoded, expect, type Tlv } from './der-reader.ts';
import { isStringTag, readOid, readString } from './der-values.ts';
import { field, type DecodedField } from './decoded-field.ts';
import { oidInfo } from './object-identifier.ts';
import { decodeError } from './pki-problem.ts';

export interface NameAttribute {
  oid: string;
  /** RFC name, e.g. `commonName`. */
  name: string;
  /** OpenSSL short name, e.g. `CN`, or the dotted OID. */
  short: string;
  value: string;
  /** `UTF8String`, `PrintableString`, …; `undefined` when the value is not a string. */
  stringType?: string;
  /** Hex of the whole value element, for values that are not strings. */
  rawHex?: string;
}

export interface DistinguishedName {
  /** RelativeDistinguishedNames in encoded order; most have one attribute. */
  rdns: NameAttribute[][];
  /** RFC 2253 / RFC 4514 text, last RDN first, as `openssl -nameopt RFC2253,-esc_msb` prints. */
  text: string;
  der: Bytes;
}

export function readName(
  tlv: Tlv,
  role: 'issuer' | 'subject',
): { name: DistinguishedName; field: DecodedField } {
  expect(tlv, TAG.SEQUENCE, role, tlv);
  const rdns: NameAttribute[][] = [];
  const rdnFields: DecodedField[] = [];

  for (const set of children(tlv, `an RDN of the ${role}`)) {
    expect(set, TAG.SET, `an RDN of the ${role}`, tlv);
    const attributes: NameAttribute[] = [];
    const attributeFields: DecodedField[] = [];
    for (const pair of children(set, 'an AttributeTypeAndValue')) {
      const [type, value] = children(expect(pair, TAG.SEQUENCE, 'AttributeTypeAndValue', set));
      const oid = readOid(
        expect(type, TAG.OBJECT_IDENTIFIER, 'AttributeType', pair),
        `An attribute type of the ${role}`,
      );
      const info = oidInfo(oid);
      if (!value) {
        throw decodeError(
          'missing-element',
          `An attribute of the ${role} at offset ${pair.offset} has a type but no value.`,
          {
            offset: pair.offset,
          },
        );
      }
      const attribute = readAttributeValue(value, oid, role);
      attributes.push(attribute);
      attributeFields.push(
        field(
          pair,
          info.name,
          info.meaning,
          `${attribute.value}${attribute.stringType ? ` (${attribute.stringType})` : ''}`,
        ),
      );
    }
    rdns.push(attributes);
    rdnFields.push(
      field(
        set,
        'RelativeDistinguishedName',
        'One component of the name.',
        formatRdn(attributes),
        attributeFields,
      ),
    );
  }

  const name: DistinguishedName = { rdns, text: formatName(rdns), der: encoded(tlv) };
  const meaning =
    role === 'issuer'
      ? 'The name of the CA that signed this; it must equal that CA certificate’s subject.'
      : 'The name of whom the certificate is about: the device, server or CA.';
  return { name, field: field(tlv, role, meaning, name.text, rdnFields) };
}

function readAttributeValue(tlv: Tlv, oid: string, role: string): NameAttribute {
  const info = oidInfo(oid);
  const short = info.short ?? oid;
  if (!isStringTag(tlv)) {
    return {
      oid,
      name: info.name,
      short,
      value: `#${toHex(encoded(tlv))}`,
      rawHex: toHex(encoded(tlv)),
    };
  }
  const { text, type } = readString(tlv, `The ${info.name} of the ${role}`);
  return { oid, name: info.name, short, value: text, stringType: type };
}

function formatRdn(attributes: NameAttribute[]): string {
  return attributes.map((a) => `${a.short}=${a.rawHex ? a.value : escapeValue(a.value)}`).join('+');
}

/** RFC 2253 text: RDNs in reverse order, joined by commas. */
export function formatName(rdns: NameAttribute[][]): string {
  return [...rdns].reverse().map(formatRdn).join(',');
}

/** RFC 2253 §2.4 escaping, plus control characters as \XX like OpenSSL's ESC_CTRL. */
function escapeValue(value: string): string {
  let text = '';
  [...value].forEach((char, i, all) => {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f)
      text += `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (',+"\\<>;'.includes(char)) text += `\\${char}`;
    else if (
      (i === 0 && (char === '#' || char === ' ')) ||
      (i === all.length - 1 && char === ' ')
    ) {
      text += `\\${char}`;
    } else text += char;
  });
  return text;
}

/** Two names are the same when their attributes match, ignoring case and extra spaces (RFC 5280 §7.1). */
export function sameName(a: DistinguishedName, b: DistinguishedName): boolean {
  const canonical = (name: DistinguishedName) =>
    name.rdns
      .map((rdn) =>
        rdn
          .map((x) => `${x.oid}=${x.value.trim().replace(/\s+/g, ' ').toLowerCase()}`)
          .sort()
          .join('+'),
      )
      .join(',');
  return canonical(a) === canonical(b);
}
