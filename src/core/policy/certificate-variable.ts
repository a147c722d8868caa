/**
 * Certificate policy variables (`cert-policy-variables`): subject, issuer and alternative-name
 * attributes, each possibly multi-valued, read as the first value, the value at `.N`, or `.List`.
 */

/** Subject and issuer attribute names AWS IoT exposes. */
export const CERTIFICATE_ATTRIBUTES = [
  'DistinguishedNameQualifier',
  'Country',
  'Organization',
  'OrganizationalUnit',
  'State',
  'CommonName',
  'SerialNumber',
  'Title',
  'Surname',
  'GivenName',
  'Initials',
  'Pseudonym',
  'GenerationQualifier',
] as const;

/** Alternative-name kinds AWS IoT exposes. */
export const ALTERNATIVE_NAMES = [
  'RFC822Name',
  'DNSName',
  'DirectoryName',
  'UniformResourceIdentifier',
  'IPAddress',
] as const;

/** Only this many values of a multi-valued attribute exist; later ones are ignored. */
export const MAX_VALUES = 5;

/** Longer values are never substituted. */
export const MAX_VALUE_LENGTH = 1024;

/** Values holding any of these are never substituted. */
const UNSUBSTITUTABLE = /[*$+?#]/;

/** Which value(s) of the attribute a name asks for. */
export type Selector = { kind: 'first' } | { kind: 'index'; index: number } | { kind: 'list' };

/** A certificate variable name taken apart. */
export interface CertificateName {
  /** The attribute's own key in a request context, e.g. `iot:Certificate.Subject.CommonName`. */
  attribute: string;
  selector: Selector;
}

const PATTERN = new RegExp(
  `^iot:Certificate\\.(Subject|Issuer)\\.` +
    `(AlternativeName\\.(?:${ALTERNATIVE_NAMES.join('|')})|${CERTIFICATE_ATTRIBUTES.join('|')})` +
    `(?:\\.(\\d+|List))?$`,
  'i',
);

/** The attribute and selector of a name such as `iot:Certificate.Subject.CommonName.1`. */
export function parseCertificateName(name: string): CertificateName | undefined {
  const match = PATTERN.exec(name);
  if (!match) return undefined;

  const [, side = '', field = '', suffix] = match;
  const canonicalSide = side.toLowerCase() === 'subject' ? 'Subject' : 'Issuer';
  const canonicalField = canonicalAttribute(field);
  const attribute = `iot:Certificate.${canonicalSide}.${canonicalField}`;

  if (suffix === undefined) return { attribute, selector: { kind: 'first' } };
  if (suffix.toLowerCase() === 'list') return { attribute, selector: { kind: 'list' } };

  // The page calls the index one-based, but its own example reads `.1` as the second value;
  // the example is what AWS does (cert-policy-variables; spec 5.3).
  return { attribute, selector: { kind: 'index', index: Number(suffix) } };
}

function canonicalAttribute(field: string): string {
  const lower = field.toLowerCase();
  const alt = ALTERNATIVE_NAMES.find((n) => `alternativename.${n.toLowerCase()}` === lower);
  if (alt) return `AlternativeName.${alt}`;

  return CERTIFICATE_ATTRIBUTES.find((a) => a.toLowerCase() === lower) ?? field;
}

/** The values the selector picks from the attribute's values, or why there are none. */
export function selectValues(
  values: readonly string[],
  selector: Selector,
): { values: string[] } | { reason: string } {
  const kept = values.slice(0, MAX_VALUES);
  const usable = (v: string) => !UNSUBSTITUTABLE.test(v) && v.length <= MAX_VALUE_LENGTH;

  if (selector.kind === 'list') return { values: kept.filter(usable) };

  const index = selector.kind === 'first' ? 0 : selector.index;
  const value = kept[index];
  if (value === undefined) {
    const beyond =
      index >= MAX_VALUES && values.length > index
        ? ` (only the first ${MAX_VALUES} values count)`
        : '';
    return {
      reason:
        values.length === 0
          ? 'the certificate has no such attribute'
          : `the attribute has ${values.length} value(s) and position ${index} (counted from 0) ` +
            `is not one of them${beyond}`,
    };
  }
  if (!usable(value)) {
    const why =
      value.length > MAX_VALUE_LENGTH
        ? `is longer than ${MAX_VALUE_LENGTH} characters`
        : 'contains one of * $ + ? #';
    return {
      reason:
        `the value ${JSON.stringify(value.slice(0, 60))} ${why}, and such values are never ` +
        `substituted`,
    };
  }

  return { values: [value] };
}
