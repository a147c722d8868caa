/**
 * The tree a decoder returns: one node per ASN.1 element, named as its standard names it, with
 * its value, one sentence on what it means, and where its bytes are in the DER.
 */
import { tagName, type Tlv } from './der-reader.ts';

export interface DecodedField {
  /** The standard's name, e.g. `tbsCertificate`, `serialNumber`, `commonName`. */
  name: string;
  /** The ASN.1 type as encoded, e.g. `SEQUENCE`, `UTF8String`, `[3]`. */
  type: string;
  /** The value in readable form, when the element has one. */
  value?: string;
  /** What the field means, in one plain sentence. */
  meaning: string;
  /** Offset of the element's first byte (its tag) in the DER. */
  offset: number;
  /** Length of the whole element: tag, length and content. */
  length: number;
  children?: DecodedField[];
}

export function field(
  tlv: Tlv,
  name: string,
  meaning: string,
  value?: string,
  children?: DecodedField[],
): DecodedField {
  const node: DecodedField = {
    name,
    type: tagName(tlv),
    meaning,
    offset: tlv.offset,
    length: tlv.end - tlv.offset,
  };
  if (value !== undefined) node.value = value;
  if (children !== undefined && children.length > 0) node.children = children;
  return node;
}

/** The first node named `name`, searching depth first. */
export function findField(root: DecodedField, name: string): DecodedField | undefined {
  if (root.name === name) return root;
  for (const child of root.children ?? []) {
    const found = findField(child, name);
    if (found) return found;
  }
  return undefined;
}
