/**
 * Decode anything a learner pastes or opens: PEM with any number of blocks, or one DER object.
 * Each block is decoded or rejected on its own, in order, and a rejection names the stage that
 * failed (boundary, base64, DER length, ASN.1 structure or X.509 field).
 */
import type { Bytes } from './crypto-port.ts';
import { TAG, children, content, isContext, isUniversal, readTlv } from './der-reader.ts';
import { readCertificate, type Certificate } from './certificate.ts';
import { readCertificationRequest, type CertificationRequest } from './certification-request.ts';
import { readEncryptedPrivateKeyInfo, type EncryptedPrivateKey } from './encrypted-private-key.ts';
import { parsePem } from './pem.ts';
import { PkiDecodeError, pkiProblem, type PkiProblem } from './pki-problem.ts';
import {
  readEcParameters,
  readPkcs1PrivateKey,
  readPrivateKeyInfo,
  readSec1PrivateKey,
  type EcParameters,
  type PrivateKey,
} from './private-key.ts';
import { readPkcs1PublicKey, readSpki, type PublicKey } from './public-key.ts';
import { utf8Decode, latin1Decode } from './text-encoding.ts';

export type DecodedObject =
  | Certificate
  | CertificationRequest
  | PublicKey
  | PrivateKey
  | EncryptedPrivateKey
  | EcParameters;

export type DecodedKind = DecodedObject['kind'];

/** Where a block came from: its place in the input and, for PEM, its label and first line. */
export interface BlockSource {
  /** 1 for the first block. */
  index: number;
  format: 'pem' | 'der';
  label?: string;
  line?: number;
}

export type DecodedBlock =
  | { status: 'decoded'; source: BlockSource; object: DecodedObject }
  | { status: 'rejected'; source: BlockSource; problem: PkiProblem };

export interface DecodeResult {
  blocks: DecodedBlock[];
  /** Set when the input holds nothing to decode at all. */
  problem?: PkiProblem;
}

/** Decrypts an EncryptedPrivateKeyInfo to PrivateKeyInfo DER, or says why it cannot. */
export type PrivateKeyDecryptor = (
  der: Bytes,
  password: string,
) => Promise<{ der: Bytes } | { error: string }>;

export interface DecodeOptions {
  /** The password of an encrypted private key. Default: none; the key is shown still encrypted. */
  password?: string;
  /** Default: node-forge, loaded only when a key needs decrypting. */
  decrypt?: PrivateKeyDecryptor;
}

const READERS: Record<string, (der: Bytes) => DecodedObject> = {
  CERTIFICATE: readCertificate,
  'X509 CERTIFICATE': readCertificate,
  'CERTIFICATE REQUEST': readCertificationRequest,
  'NEW CERTIFICATE REQUEST': readCertificationRequest,
  'PUBLIC KEY': readSpki,
  'RSA PUBLIC KEY': readPkcs1PublicKey,
  'PRIVATE KEY': readPrivateKeyInfo,
  'RSA PRIVATE KEY': readPkcs1PrivateKey,
  'EC PRIVATE KEY': readSec1PrivateKey,
  'ENCRYPTED PRIVATE KEY': readEncryptedPrivateKeyInfo,
  'EC PARAMETERS': readEcParameters,
};

/** The PEM labels the decoder reads. */
export const PEM_LABELS = Object.keys(READERS);

export async function decodePki(
  input: string | Uint8Array,
  options: DecodeOptions = {},
): Promise<DecodeResult> {
  const result = decodeSync(input);
  for (const block of result.blocks) {
    if (block.status === 'decoded' && block.object.kind === 'encrypted-private-key') {
      await decryptInto(block.object, options);
    }
  }
  return result;
}

/** Everything but decryption, which needs node-forge. */
export function decodeSync(input: string | Uint8Array): DecodeResult {
  if (typeof input !== 'string' && !looksLikeText(input)) {
    return { blocks: [decodeDer(new Uint8Array(input))] };
  }

  const text = typeof input === 'string' ? input : (utf8Decode(input) ?? latin1Decode(input));
  const pem = parsePem(text.replace(/^\uFEFF/, ''));
  const blocks = pem.entries.map((entry, i): DecodedBlock => {
    if (entry.status === 'rejected') {
      return {
        status: 'rejected',
        source: { index: i + 1, format: 'pem', label: entry.label, line: entry.beginLine },
        problem: entry.problem,
      };
    }
    const { label, der, beginLine } = entry.block;
    const source: BlockSource = { index: i + 1, format: 'pem', label, line: beginLine };
    const reader = READERS[label];
    if (!reader) {
      const problem = pkiProblem(
        'unknown-label',
        `The block on line ${beginLine} is labelled "${label}", which Handshake does not read. It reads ` +
          `${PEM_LABELS.join(', ')}.`,
        { line: beginLine },
      );
      return { status: 'rejected', source, problem };
    }
    return decodeWith(reader, der, source, label);
  });

  return pem.problem ? { blocks, problem: pem.problem } : { blocks };
}

function decodeWith(
  reader: (der: Bytes) => DecodedObject,
  der: Bytes,
  source: BlockSource,
  label?: string,
): DecodedBlock {
  try {
    return { status: 'decoded', source, object: reader(der) };
  } catch (error) {
    if (!(error instanceof PkiDecodeError)) throw error;
    const problem = { ...error.problem };
    if (problem.code === 'truncated' && source.format === 'pem') {
      problem.message += ` The ${label} block is truncated: a line of its base64 may be missing. Copy the whole block again.`;
    }
    return { status: 'rejected', source, problem };
  }
}

/** One DER object: its structure says what it is. */
function decodeDer(der: Bytes): DecodedBlock {
  const source: BlockSource = { index: 1, format: 'der' };
  try {
    return decodeWith(sniff(der), der, source);
  } catch (error) {
    if (!(error instanceof PkiDecodeError)) throw error;
    return { status: 'rejected', source, problem: error.problem };
  }
}

/** Which reader fits the shape of the top-level elements. */
function sniff(der: Bytes): (der: Bytes) => DecodedObject {
  const root = readTlv(der, 0, der.length, 'the outer element');
  if (isUniversal(root, TAG.OBJECT_IDENTIFIER)) return readEcParameters;

  const parts = isUniversal(root, TAG.SEQUENCE) ? children(root) : [];
  const [first, second, third] = parts;
  if (
    isUniversal(first, TAG.SEQUENCE) &&
    isUniversal(second, TAG.SEQUENCE) &&
    isUniversal(third, TAG.BIT_STRING)
  ) {
    const inner = children(first);
    const lastInner = inner[inner.length - 1];
    return inner.length <= 4 && isContext(lastInner, 0) && isUniversal(inner[0], TAG.INTEGER)
      ? readCertificationRequest
      : readCertificate;
  }
  if (parts.length === 2 && isUniversal(first, TAG.SEQUENCE) && isUniversal(second, TAG.BIT_STRING))
    return readSpki;
  if (
    parts.length === 2 &&
    isUniversal(first, TAG.SEQUENCE) &&
    isUniversal(second, TAG.OCTET_STRING)
  ) {
    return readEncryptedPrivateKeyInfo;
  }
  if (
    isUniversal(first, TAG.INTEGER) &&
    isUniversal(second, TAG.SEQUENCE) &&
    isUniversal(third, TAG.OCTET_STRING)
  ) {
    return readPrivateKeyInfo;
  }
  if (
    isUniversal(first, TAG.INTEGER) &&
    isUniversal(second, TAG.OCTET_STRING) &&
    content(first)[0] === 1
  ) {
    return readSec1PrivateKey;
  }
  if (parts.length === 9 && parts.every((p) => isUniversal(p, TAG.INTEGER)))
    return readPkcs1PrivateKey;
  if (parts.length === 2 && parts.every((p) => isUniversal(p, TAG.INTEGER)))
    return readPkcs1PublicKey;

  throw new PkiDecodeError(
    pkiProblem(
      'unknown-structure',
      'The DER is well formed, but its shape is not a certificate, a CSR, a public key or a private key ' +
        '(PKCS #8, PKCS #1 or SEC1).',
      { offset: 0 },
    ),
  );
}

/** Text if it names a PEM boundary or is all printable ASCII and whitespace. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  const printable = sample.every(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b !== 0x7f) || b >= 0x80,
  );
  return (printable && sample[0] !== 0x30) || latin1Decode(sample).includes('-----BEGIN');
}

async function decryptInto(key: EncryptedPrivateKey, options: DecodeOptions): Promise<void> {
  if (options.password === undefined) {
    key.notes.push('The key is encrypted; give its password to see the key inside.');
    return;
  }

  const decrypt = options.decrypt ?? (await import('./forge-adapter.ts')).decryptPrivateKeyInfo;
  const decrypted = await decrypt(key.der, options.password);
  if ('error' in decrypted) {
    key.notes.push(decrypted.error);
    return;
  }
  try {
    key.decrypted = readPrivateKeyInfo(decrypted.der);
  } catch (error) {
    if (!(error instanceof PkiDecodeError)) throw error;
    key.notes.push(
      `The key decrypted, but what is inside does not parse: ${error.problem.message}`,
    );
  }
}
