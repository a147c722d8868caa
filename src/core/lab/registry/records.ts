/**
 * Turning PEM into what the registry keeps: certificates and CSRs read with the lab's decoder,
 * and the records AWS IoT would list for them. A record's PEM is written afresh from the DER, so
 * text pasted around a certificate, or a chain after it, is not kept.
 */
import {
  certificateId,
  decodeSync,
  encodePem,
  STAGE_TITLES,
  type Certificate,
  type CertificationRequest,
  type CryptoPort,
} from '../../pki/index.ts';
import type {
  CaRecord,
  CaStatus,
  CertificateOrigin,
  CertificateRecord,
  CertificateStatus,
} from '../certificate-registry.ts';
import { registryError } from './registry-errors.ts';

/** The first certificate in `pem`; `what` says whose, e.g. "the CA certificate". */
export function readCertificatePem(pem: unknown, what: string): Certificate {
  const certificate = firstOf(pem, 'certificate', what);
  return certificate as Certificate;
}

export function readCsrPem(pem: unknown): CertificationRequest {
  return firstOf(pem, 'certification-request', 'the CSR') as CertificationRequest;
}

function firstOf(pem: unknown, kind: 'certificate' | 'certification-request', what: string) {
  if (typeof pem !== 'string' || pem.trim() === '') {
    throw registryError('invalid-request', `Give ${what} as PEM text (-----BEGIN …-----).`);
  }

  const result = decodeSync(pem);
  for (const block of result.blocks) {
    if (block.status === 'decoded' && block.object.kind === kind) return block.object;
  }
  const rejected = result.blocks.find((b) => b.status === 'rejected');
  const why =
    rejected?.status === 'rejected'
      ? `${STAGE_TITLES[rejected.problem.stage]}: ${rejected.problem.message}`
      : (result.problem?.message ?? `it holds no ${kindLabel(kind)} block`);
  throw registryError('not-decodable', `${capitalise(what)} could not be read. ${why}`);
}

const kindLabel = (kind: string) =>
  kind === 'certificate' ? 'CERTIFICATE' : 'CERTIFICATE REQUEST';
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export async function certificateRecord(
  crypto: CryptoPort,
  certificate: Certificate,
  fields: {
    status: CertificateStatus;
    caCertificateId: string | null;
    origin: CertificateOrigin;
    now: Date;
  },
): Promise<CertificateRecord> {
  const at = fields.now.toISOString();
  return {
    certificateId: await certificateId(crypto, certificate.der),
    pem: encodePem('CERTIFICATE', certificate.der),
    subject: certificate.subject.text,
    issuer: certificate.issuer.text,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.validity.notBefore.toISOString(),
    notAfter: certificate.validity.notAfter.toISOString(),
    status: fields.status,
    caCertificateId: fields.caCertificateId,
    origin: fields.origin,
    createdAt: at,
    updatedAt: at,
  };
}

export async function caRecord(
  crypto: CryptoPort,
  certificate: Certificate,
  fields: { status: CaStatus; isLabCa: boolean; now: Date },
): Promise<CaRecord> {
  return {
    caCertificateId: await certificateId(crypto, certificate.der),
    pem: encodePem('CERTIFICATE', certificate.der),
    subject: certificate.subject.text,
    status: fields.status,
    isLabCa: fields.isLabCa,
    notAfter: certificate.validity.notAfter.toISOString(),
    registeredAt: fields.now.toISOString(),
  };
}
