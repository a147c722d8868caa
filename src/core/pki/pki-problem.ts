/**
 * What can be wrong with PKI input or with a request to the PKI tools. A rejected input names
 * the stage that failed, so a learner knows whether to look at the dashes, the base64, the
 * lengths, the ASN.1 structure or one X.509 field.
 */

/** The stages of reading a PEM or DER input, in the order they run. */
export const PKI_STAGES = [
  'boundary',
  'base64',
  'der-length',
  'asn1-structure',
  'x509-field',
] as const;

export type PkiStage = (typeof PKI_STAGES)[number];

/** Each stage as the learner reads it. */
export const STAGE_TITLES: Record<PkiStage, string> = {
  boundary: 'PEM boundary',
  base64: 'base64',
  'der-length': 'DER length',
  'asn1-structure': 'ASN.1 structure',
  'x509-field': 'X.509 field',
};

interface ProblemInfo {
  stage: PkiStage;
  title: string;
  /** The rule the input breaks, cited the way a lesson cites it. */
  rule: string;
}

const at = (stage: PkiStage, title: string, rule: string): ProblemInfo => ({ stage, title, rule });

/** Every way an input can be rejected, with its stage, title and rule. */
export const PKI_PROBLEMS = {
  'no-pem-block': at('boundary', 'No PEM block found', 'RFC 7468 §2'),
  'missing-end': at('boundary', 'BEGIN line without an END line', 'RFC 7468 §2'),
  'label-mismatch': at('boundary', 'BEGIN and END labels differ', 'RFC 7468 §2'),
  'unknown-label': at('boundary', 'A PEM label Handshake does not read', 'RFC 7468 §4'),
  'legacy-encryption': at('boundary', 'Old OpenSSL-style encrypted key', 'RFC 1421 §4.6'),
  'base64-character': at('base64', 'Not a base64 character', 'RFC 7468 §3'),
  'base64-padding': at('base64', "'=' before the end of the base64", 'RFC 4648 §4'),
  'base64-length': at('base64', 'Base64 ends in the middle of a byte', 'RFC 4648 §4'),
  'empty-block': at('base64', 'A block with nothing inside', 'RFC 7468 §3'),
  truncated: at('der-length', 'Truncated: shorter than its declared length', 'X.690 §8.1.3'),
  'indefinite-length': at('der-length', 'Indefinite length (BER, not DER)', 'X.690 §10.1'),
  'long-length': at('der-length', 'Length in a longer form than needed', 'X.690 §10.1'),
  'trailing-bytes': at('der-length', 'Bytes after the end of the structure', 'X.690 §8.1.1'),
  'unexpected-element': at('asn1-structure', 'An ASN.1 element of the wrong type', 'RFC 5280 §4.1'),
  'missing-element': at('asn1-structure', 'A required ASN.1 element is missing', 'RFC 5280 §4.1'),
  'unknown-structure': at('asn1-structure', 'Not a certificate, CSR or key', 'RFC 5280 §4.1'),
  'invalid-version': at('x509-field', 'Version out of range', 'RFC 5280 §4.1.2.1'),
  'invalid-integer': at('x509-field', 'INTEGER not in its shortest form', 'X.690 §8.3.2'),
  'invalid-time': at('x509-field', 'A time that does not parse', 'RFC 5280 §4.1.2.5'),
  'invalid-string': at('x509-field', 'Text not valid in its string type', 'RFC 5280 §4.1.2.4'),
  'invalid-oid': at('x509-field', 'An object identifier that does not parse', 'X.690 §8.19'),
  'invalid-extension': at('x509-field', 'An extension whose value does not parse', 'RFC 5280 §4.2'),
  'invalid-bit-string': at('x509-field', 'A BIT STRING with a bad unused-bits count', 'X.690 §8.6'),
} as const satisfies Record<string, ProblemInfo>;

export type PkiProblemCode = keyof typeof PKI_PROBLEMS;

/** One reason an input was rejected. */
export interface PkiProblem {
  code: PkiProblemCode;
  stage: PkiStage;
  title: string;
  /** What was found, why it is wrong, and what to do, in sentences. */
  message: string;
  rule: string;
  /** Line and column in the PEM text, counted from 1, when the problem is in the text. */
  line?: number;
  column?: number;
  /** Byte offset in the DER, when the problem is in the bytes. */
  offset?: number;
  /** For a truncated element: the content length it declares and the bytes there are. */
  declared?: number;
  available?: number;
}

type Place = Pick<PkiProblem, 'line' | 'column' | 'offset' | 'declared' | 'available'>;

export function pkiProblem(code: PkiProblemCode, message: string, place: Place = {}): PkiProblem {
  const { stage, title, rule } = PKI_PROBLEMS[code];
  return { code, stage, title, message, rule, ...place };
}

/** Thrown inside the decoders; the entry points turn it into a rejected block. */
export class PkiDecodeError extends Error {
  readonly problem: PkiProblem;

  constructor(problem: PkiProblem) {
    super(`${STAGE_TITLES[problem.stage]}: ${problem.message}`);
    this.name = 'PkiDecodeError';
    this.problem = problem;
  }
}

export function decodeError(
  code: PkiProblemCode,
  message: string,
  place: Place = {},
): PkiDecodeError {
  return new PkiDecodeError(pkiProblem(code, message, place));
}

/** Every way a request to make or convert a key or certificate can be refused. */
export const PKI_ERRORS = {
  'country-name-invalid': 'countryName is not two letters',
  'attribute-too-long': 'A name attribute is longer than RFC 5280 allows',
  'attribute-empty': 'A name attribute is empty',
  'name-empty': 'A name with no attributes',
  'unsupported-key': 'A key type Handshake does not handle',
  'key-not-extractable': 'The private key cannot be exported',
  'key-mismatch': 'The private key does not match the certificate',
  'pkcs12-needs-rsa': 'PKCS#12 here needs an RSA key and RSA certificates',
  'pkcs12-password-empty': 'A PKCS#12 file needs a password',
  'csr-signature-invalid': 'The CSR signature does not verify',
  'issuer-not-ca': 'The issuer is not a CA',
  'validity-invalid': 'notAfter is not after notBefore',
  'subject-alt-name-invalid': 'A subjectAltName entry is not a DNS name or IP address',
  'serial-number-invalid': 'A serial number that is zero or negative',
  'not-decodable': 'The input is not the object expected',
  'wrong-password': 'The password does not decrypt the key',
} as const;

export type PkiErrorCode = keyof typeof PKI_ERRORS;

/** A refused request: a stable code, a short title, and a message that says what to do. */
export class PkiError extends Error {
  readonly code: PkiErrorCode;
  readonly title: string;

  constructor(code: PkiErrorCode, message: string) {
    super(message);
    this.name = 'PkiError';
    this.code = code;
    this.title = PKI_ERRORS[code];
  }
}
