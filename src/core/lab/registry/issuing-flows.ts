/**
 * The three ways a device certificate enters the registry (spec §7.2, "Ways to obtain a client
 * certificate"), each a list of named steps: AWS-generated keys, a CSR the lab signs, and a
 * certificate from the learner's own CA.
 */
import {
  generateKeyPair,
  issueCertificate,
  privateKeyPem,
  publicKeyPem,
  signCertificationRequest,
  verifyCertificationRequest,
  verifySignature,
  type Certificate,
  type CertificateAuthority,
  type CryptoPort,
} from '../../pki/index.ts';
import type {
  CaRecord,
  CertificateRecord,
  CertificateStatus,
  CreatedKeysAndCertificate,
} from '../certificate-registry.ts';
import { certificateRecord, readCertificatePem, readCsrPem } from './records.ts';
import { registryError } from './registry-errors.ts';
import type { RegistryTransaction } from './registry-transaction.ts';
import { checkCertificateStatus, REQUESTABLE_STATUSES } from './status-rules.ts';

/** The key algorithms the lab issues, as AWS IoT accepts them; RSA-2048 is what AWS generates. */
export const ISSUED_KEY_ALGORITHMS = ['RSA-2048', 'P-256'] as const;
export type IssuedKeyAlgorithm = (typeof ISSUED_KEY_ALGORITHMS)[number];

/** What the flows need from the registry: its CA, already made, and a signer for it. */
export interface IssuingContext {
  crypto: CryptoPort;
  tx: RegistryTransaction;
  labCa: CaRecord;
  signer: CertificateAuthority;
}

/** CreateKeysAndCertificate: without setAsActive, AWS leaves the certificate INACTIVE. */
export async function createKeysAndCertificate(
  context: IssuingContext,
  options: { commonName: unknown; algorithm?: unknown; setAsActive?: unknown },
): Promise<CreatedKeysAndCertificate> {
  const algorithm = checkAlgorithm(options.algorithm ?? 'RSA-2048');
  if (typeof options.commonName !== 'string') {
    throw registryError('invalid-request', 'Give the device a commonName, e.g. "sensor-1".');
  }

  const keyPair = await generateKeyPair(context.crypto, algorithm);
  const issued = await issueCertificate(context.crypto, {
    role: 'device',
    subject: { CN: options.commonName },
    publicKey: keyPair,
    issuer: context.signer,
  });
  const certificate = await keep(context, issued.certificate, {
    status: options.setAsActive === true ? 'ACTIVE' : 'INACTIVE',
    origin: 'create-keys-and-certificate',
  });
  return {
    certificate,
    privateKeyPem: privateKeyPem(keyPair),
    publicKeyPem: publicKeyPem(keyPair),
  };
}

/** CreateCertificateFromCsr: the CSR must prove it was signed by its own key. */
export async function createCertificateFromCsr(
  context: IssuingContext,
  options: { csrPem: unknown; setAsActive?: unknown },
): Promise<CertificateRecord> {
  const csr = readCsrPem(options.csrPem);
  const check = await verifyCertificationRequest(context.crypto, csr);
  if (!check.valid) {
    throw registryError(
      'csr-signature-invalid',
      `The CSR for "${csr.subject.text}" is not signed by the key it carries: ${check.reason}. ` +
        'It was changed after it was signed, or signed with another key. Make a new CSR with the device’s own key.',
    );
  }

  const issued = await signCertificationRequest(context.crypto, { csr, issuer: context.signer });
  return keep(context, issued.certificate, {
    status: options.setAsActive === true ? 'ACTIVE' : 'INACTIVE',
    origin: 'create-certificate-from-csr',
  });
}

/**
 * RegisterCertificate: the issuer must be a CA registered here whose key verifies the
 * certificate's signature. Registration without a CA (spec §7.2, "No CA registration") needs
 * the broker to look devices up by SNI, which the lab does not do, so it is not offered.
 */
export async function registerCertificate(
  context: Pick<IssuingContext, 'crypto' | 'tx'>,
  options: { pem: unknown; status?: unknown },
): Promise<CertificateRecord> {
  const status = checkCertificateStatus(options.status ?? 'INACTIVE', REQUESTABLE_STATUSES);
  const certificate = readCertificatePem(options.pem, 'the device certificate');
  const ca = await issuingCa(context, certificate);

  return keep({ ...context, labCa: ca }, certificate, { status, origin: 'register-certificate' });
}

/** The registered CA that signed `certificate`, found by the issuer's name, checked by signature. */
async function issuingCa(
  context: Pick<IssuingContext, 'crypto' | 'tx'>,
  certificate: Certificate,
): Promise<CaRecord> {
  const issuer = certificate.issuer.text;
  const named = context.tx.state.cas.filter((ca) => sameName(ca.subject, issuer));
  if (named.length === 0) {
    const known = context.tx.state.cas.map((ca) => `"${ca.subject}"`).join(', ') || 'none';
    throw registryError(
      'ca-not-registered',
      `The certificate for "${certificate.subject.text}" was issued by "${issuer}", and no CA of that ` +
        `name is registered here (registered: ${known}). Register that CA certificate first ` +
        '(RegisterCACertificate), then the device certificate.',
    );
  }

  const reasons: string[] = [];
  for (const ca of named) {
    const caCertificate = readCertificatePem(ca.pem, 'a registered CA certificate');
    const check = await verifySignature(context.crypto, {
      spki: caCertificate.publicKey.spki,
      algorithm: certificate.signatureAlgorithm,
      signature: certificate.signatureValue,
      data: certificate.tbs,
      signer: `the key of the registered CA "${ca.subject}"`,
    });
    if (check.valid) return ca;
    reasons.push(check.reason);
  }
  throw registryError(
    'certificate-signature-invalid',
    `The certificate for "${certificate.subject.text}" names "${issuer}" as its issuer, but the ` +
      `registered CA of that name did not sign it: ${reasons.join('; ')}. It was signed by another ` +
      'CA that has the same name, or changed after it was signed.',
  );
}

// RFC 5280 §7.1 compares names without regard to case or repeated spaces.
function sameName(a: string, b: string): boolean {
  const canonical = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  return canonical(a) === canonical(b);
}

/** Adds the record, refusing a certificate the registry already holds. */
async function keep(
  context: Pick<IssuingContext, 'crypto' | 'tx' | 'labCa'>,
  certificate: Certificate,
  fields: { status: CertificateStatus; origin: CertificateRecord['origin'] },
): Promise<CertificateRecord> {
  const { tx } = context;
  const record = await certificateRecord(context.crypto, certificate, {
    ...fields,
    caCertificateId: context.labCa.caCertificateId,
    now: tx.now,
  });
  if (tx.state.certificates.some((c) => c.certificateId === record.certificateId)) {
    throw registryError(
      'certificate-exists',
      `The certificate for "${record.subject}" is already registered, with ID ${record.certificateId}.`,
    );
  }

  tx.state.certificates.push(record);
  tx.changed({
    record: 'certificate',
    id: record.certificateId,
    subject: record.subject,
    from: null,
    to: record.status,
    origin: record.origin,
  });
  return record;
}

function checkAlgorithm(algorithm: unknown): IssuedKeyAlgorithm {
  if (ISSUED_KEY_ALGORITHMS.includes(algorithm as IssuedKeyAlgorithm))
    return algorithm as IssuedKeyAlgorithm;

  throw registryError(
    'invalid-algorithm',
    `${JSON.stringify(algorithm)} is not a key algorithm the lab issues. Choose ` +
      `${ISSUED_KEY_ALGORITHMS.join(' or ')}, the two AWS IoT accepts for device certificates.`,
  );
}
