/**
 * Making a CSR (PKCS #10, RFC 2986), checking its signature, and having a CA turn it into a
 * certificate: the flow of AWS IoT's CreateCertificateFromCsr, where the private key never
 * leaves the device.
 */
import type { Bytes, CryptoPort } from './crypto-port.ts';
import { readCertificationRequest, type CertificationRequest } from './certification-request.ts';
import type { CertificateRole } from './certificate-profile.ts';
import { decodeSync } from './decode.ts';
import { nameSpec, type NameInput } from './name-input.ts';
import {
  issueCertificate,
  type CertificateAuthority,
  type IssuedCertificate,
} from './issue-certificate.ts';
import type { KeyPair } from './key-pair.ts';
import { encodePem } from './pem.ts';
import { PkiError, STAGE_TITLES } from './pki-problem.ts';
import { verifySignature, type SignatureCheck } from './signature.ts';
import { parseSubjectAltName } from './subject-alt-name.ts';

export interface CreatedRequest {
  der: Bytes;
  pem: string;
  request: CertificationRequest;
}

export async function createCertificationRequest(
  crypto: CryptoPort,
  options: { subject: NameInput; keyPair: KeyPair; subjectAltNames?: string[] },
): Promise<CreatedRequest> {
  const subject = {
    rdns: nameSpec(options.subject).map((a) => [
      { oid: a.oid, value: a.value, stringType: a.stringType },
    ]),
  };
  const subjectAltName = (options.subjectAltNames ?? []).map(parseSubjectAltName);
  const template = {
    subject,
    keyPair: options.keyPair,
    ...(subjectAltName.length ? { subjectAltName } : {}),
  };

  const encoder =
    options.keyPair.type === 'RSA'
      ? (await import('./forge-adapter.ts')).forgeEncoder
      : (await import('./x509-adapter.ts')).x509Encoder(crypto);
  const der = await encoder.createCertificationRequest(template);
  return {
    der,
    pem: encodePem('CERTIFICATE REQUEST', der),
    request: readCertificationRequest(der),
  };
}

/** Whether the CSR was signed by the private key of the public key it carries. */
export function verifyCertificationRequest(
  crypto: CryptoPort,
  request: CertificationRequest,
): Promise<SignatureCheck> {
  return verifySignature(crypto, {
    spki: request.publicKey.spki,
    algorithm: request.signatureAlgorithm,
    signature: request.signatureValue,
    data: request.certificationRequestInfo,
    signer: 'the public key in the CSR',
  });
}

export interface SignRequestOptions {
  /** The CSR as PEM, DER, or already read. */
  csr: string | Uint8Array | CertificationRequest;
  issuer: CertificateAuthority;
  /** Default: device. */
  role?: Extract<CertificateRole, 'device' | 'server'>;
  /** Default: the names the CSR asks for in its extensionRequest. */
  subjectAltNames?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

/** The CA checks the CSR's signature, then certifies its key under its subject name. */
export async function signCertificationRequest(
  crypto: CryptoPort,
  options: SignRequestOptions,
): Promise<IssuedCertificate> {
  const request = readRequest(options.csr);
  const check = await verifyCertificationRequest(crypto, request);
  if (!check.valid) {
    throw new PkiError(
      'csr-signature-invalid',
      `The CSR's signature does not verify: ${check.reason}. The CSR was changed after it was signed, ` +
        'or signed with another key. Make a new CSR with the device’s own key.',
    );
  }

  const requested = (request.requestedExtensions.subjectAltName ?? [])
    .filter((n) => n.type === 'dns' || n.type === 'ip')
    .map((n) => `${n.type.toUpperCase()}:${n.value}`);
  return issueCertificate(crypto, {
    role: options.role ?? 'device',
    subject: request.subject,
    publicKey: request.publicKey.spki,
    issuer: options.issuer,
    subjectAltNames: options.subjectAltNames ?? requested,
    ...(options.notBefore ? { notBefore: options.notBefore } : {}),
    ...(options.notAfter ? { notAfter: options.notAfter } : {}),
  });
}

function readRequest(csr: SignRequestOptions['csr']): CertificationRequest {
  if (typeof csr !== 'string' && !(csr instanceof Uint8Array)) return csr;

  const result = decodeSync(csr);
  for (const block of result.blocks) {
    if (block.status === 'decoded' && block.object.kind === 'certification-request')
      return block.object;
  }
  const problem = result.blocks.find((b) => b.status === 'rejected');
  const why =
    problem?.status === 'rejected'
      ? `${STAGE_TITLES[problem.problem.stage]}: ${problem.problem.message}`
      : (result.problem?.message ?? 'it holds no CERTIFICATE REQUEST block');
  throw new PkiError('not-decodable', `No CSR could be read: ${why}`);
}
