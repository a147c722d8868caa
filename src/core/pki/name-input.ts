/**
 * The names a learner types for a certificate or CSR, checked before anything is made:
 * countryName is two letters, no attribute is longer than RFC 5280's upper bounds, and each
 * attribute gets the string type it must be encoded as.
 */
import { PRINTABLE } from './der-values.ts';
import { formatName } from './distinguished-name.ts';
import { PkiError } from './pki-problem.ts';

/** The attributes a certificate made here may carry, in the order they are encoded. */
export const NAME_ATTRIBUTES = ['C', 'ST', 'L', 'O', 'OU', 'CN'] as const;

export type NameAttributeKey = (typeof NAME_ATTRIBUTES)[number];

/** A name to put in a certificate or CSR, e.g. `{ CN: 'sensor-1', O: 'Müller GmbH', C: 'DE' }`. */
export type NameInput = Partial<Record<NameAttributeKey, string>>;

const ATTRIBUTE_RULES: Record<NameAttributeKey, { oid: string; name: string; max: number }> = {
  C: { oid: '2.5.4.6', name: 'countryName', max: 2 },
  ST: { oid: '2.5.4.8', name: 'stateOrProvinceName', max: 128 },
  L: { oid: '2.5.4.7', name: 'localityName', max: 128 },
  O: { oid: '2.5.4.10', name: 'organizationName', max: 64 },
  OU: { oid: '2.5.4.11', name: 'organizationalUnitName', max: 64 },
  CN: { oid: '2.5.4.3', name: 'commonName', max: 64 },
};

/** One attribute ready to encode, with the string type the encoders must use. */
export interface NameAttributeSpec {
  oid: string;
  name: string;
  short: NameAttributeKey;
  value: string;
  stringType: 'PrintableString' | 'UTF8String';
}

/**
 * Checks a typed name and chooses each attribute's string type: PrintableString when it can
 * hold the text, UTF8String otherwise (RFC 5280 §4.1.2.4). countryName is always two letters in
 * a PrintableString (RFC 5280 Appendix A).
 */
export function nameSpec(input: NameInput): NameAttributeSpec[] {
  const specs: NameAttributeSpec[] = [];
  for (const short of NAME_ATTRIBUTES) {
    const raw = input[short];
    if (raw === undefined) continue;

    const rule = ATTRIBUTE_RULES[short];
    const value = short === 'C' ? raw.trim().toUpperCase() : raw;
    if (value.trim() === '') {
      throw new PkiError(
        'attribute-empty',
        `${rule.name} (${short}) is empty. Leave it out, or give it a value.`,
      );
    }
    if (short === 'C' && !/^[A-Z]{2}$/.test(value)) {
      throw new PkiError(
        'country-name-invalid',
        `countryName (C) must be a two-letter ISO 3166 code such as FR, DE or US; got "${raw}". ` +
          'RFC 5280 fixes its size at two characters, and OpenSSL refuses anything else.',
      );
    }
    const length = [...value].length;
    if (length > rule.max) {
      throw new PkiError(
        'attribute-too-long',
        `${rule.name} (${short}) has ${length} characters; RFC 5280 allows at most ${rule.max}. Shorten it.`,
      );
    }
    specs.push({
      oid: rule.oid,
      name: rule.name,
      short,
      value,
      stringType: PRINTABLE.test(value) ? 'PrintableString' : 'UTF8String',
    });
  }

  if (specs.length === 0) {
    throw new PkiError(
      'name-empty',
      'The name has no attributes. Give at least a commonName (CN).',
    );
  }
  return specs;
}

/** The RFC 2253 text of a typed name, to show before the certificate exists. */
export function nameSpecText(specs: NameAttributeSpec[]): string {
  return formatName(
    specs.map((s) => [
      { oid: s.oid, name: s.name, short: s.short, value: s.value, stringType: s.stringType },
    ]),
  );
}
