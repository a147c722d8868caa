/**
 * The learner's own CAs (spec §7.2, "Your own CA", step 1: RegisterCACertificate): a CA
 * certificate is registered INACTIVE unless asked otherwise, as AWS does without
 * --set-as-active, and only a certificate that says CA:TRUE is taken.
 */
import type { CryptoPort } from '../../pki/index.ts';
import type { CaRecord } from '../certificate-registry.ts';
import { caRecord, readCertificatePem } from './records.ts';
import { registryError } from './registry-errors.ts';
import { findCa, type RegistryTransaction } from './registry-transaction.ts';
import { checkCaStatus } from './status-rules.ts';

export async function registerCa(
  context: { crypto: CryptoPort; tx: RegistryTransaction },
  pem: unknown,
  status: unknown,
): Promise<CaRecord> {
  const { crypto, tx } = context;
  const wanted = checkCaStatus(status);
  const certificate = readCertificatePem(pem, 'the CA certificate');
  if (!certificate.extensions.basicConstraints?.cA) {
    throw registryError(
      'not-a-ca',
      `"${certificate.subject.text}" is not a CA certificate: its basicConstraints does not say ` +
        'CA:TRUE, so nothing it signs would be trusted. Register the certificate of the CA that ' +
        'signed your devices, or register this certificate as a device certificate instead.',
    );
  }

  const record = await caRecord(crypto, certificate, {
    status: wanted,
    isLabCa: false,
    now: tx.now,
  });
  if (tx.state.cas.some((ca) => ca.caCertificateId === record.caCertificateId)) {
    throw registryError(
      'ca-exists',
      `The CA "${record.subject}" is already registered, with ID ${record.caCertificateId}.`,
    );
  }

  tx.state.cas.push(record);
  tx.changed({
    record: 'ca',
    id: record.caCertificateId,
    subject: record.subject,
    from: null,
    to: wanted,
    isLabCa: false,
  });
  return record;
}

/** ACTIVE or INACTIVE, as UpdateCACertificate sets them; the same status again changes nothing. */
export function setCaStatus(tx: RegistryTransaction, id: unknown, status: unknown): CaRecord {
  const wanted = checkCaStatus(status);
  const ca = findCa(tx, id);
  if (ca.status === wanted) return ca;

  tx.changed({
    record: 'ca',
    id: ca.caCertificateId,
    subject: ca.subject,
    from: ca.status,
    to: wanted,
    isLabCa: ca.isLabCa,
  });
  ca.status = wanted;
  return ca;
}
