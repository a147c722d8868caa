/**
 * GeneralName (RFC 5280 §4.2.1.6): the DNS names, IP addresses and other names that
 * subjectAltName lists, read from their implicitly tagged DER.
 */
import { toHex } from './bytes.ts';
import { content, isContext, readTlv, type Tlv } from './der-reader.ts';
import { readName } from './distinguished-name.ts';
import { latin1Decode } from './text-encoding.ts';

export const GENERAL_NAME_TYPES = ['dns', 'ip', 'email', 'uri', 'directory', 'other'] as const;

export interface GeneralNameValue {
  type: (typeof GENERAL_NAME_TYPES)[number];
  value: string;
}

export const GENERAL_NAME_LABELS = {
  dns: 'DNS',
  ip: 'IP',
  email: 'email',
  uri: 'URI',
  directory: 'DirName',
  other: 'other',
};
export const GENERAL_NAME_FIELDS = {
  dns: 'dNSName',
  ip: 'iPAddress',
  email: 'rfc822Name',
  uri: 'uniformResourceIdentifier',
  directory: 'directoryName',
  other: 'otherName',
};
export const GENERAL_NAME_MEANINGS = {
  dns: 'A DNS name the subject answers to; a TLS client compares it with the host it dialled.',
  ip: 'An IP address the subject answers to.',
  email: 'An e-mail address of the subject.',
  uri: 'A URI that names the subject.',
  directory: 'Another distinguished name of the subject.',
  other: 'A name of a kind defined elsewhere.',
};

/** GeneralName (RFC 5280 §4.2.1.6), implicitly tagged. */
export function readGeneralName(tlv: Tlv): GeneralNameValue {
  const bytes = content(tlv);
  if (isContext(tlv, 1)) return { type: 'email', value: latin1Decode(bytes) };
  if (isContext(tlv, 2)) return { type: 'dns', value: latin1Decode(bytes) };
  if (isContext(tlv, 6)) return { type: 'uri', value: latin1Decode(bytes) };
  if (isContext(tlv, 7)) return { type: 'ip', value: formatIp(bytes) };
  if (isContext(tlv, 4)) {
    const inner = readTlv(tlv.source, tlv.offset + tlv.headerLength, tlv.end, 'a directoryName');
    return { type: 'directory', value: readName(inner, 'subject').name.text };
  }
  return { type: 'other', value: `[${tlv.tagNumber}] ${toHex(bytes)}` };
}

export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  if (bytes.length !== 16) return toHex(bytes);

  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  // RFC 5952 §4.2: the longest run of two or more zero groups becomes '::'.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
