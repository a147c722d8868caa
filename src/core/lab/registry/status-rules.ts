/**
 * AWS IoT's rules for certificate statuses (spec §7.2 "Statuses"; API_UpdateCertificate,
 * API_DeleteCertificate), each refusal worded with the status found and the one asked for.
 */
import {
  CA_STATUSES,
  CERTIFICATE_STATUSES,
  canTransition,
  type CaStatus,
  type CertificateRecord,
  type CertificateStatus,
} from '../certificate-registry.ts';
import { registryError, shortId } from './registry-errors.ts';

/** What a learner may ask a new or registered certificate to be: AWS sets PENDING_ACTIVATION itself. */
export const REQUESTABLE_STATUSES = ['ACTIVE', 'INACTIVE', 'REVOKED'] as const;

export function checkCertificateStatus(
  status: unknown,
  allowed: readonly CertificateStatus[] = CERTIFICATE_STATUSES,
): CertificateStatus {
  if (allowed.includes(status as CertificateStatus)) return status as CertificateStatus;

  const pending =
    status === 'PENDING_ACTIVATION'
      ? ' Only AWS sets PENDING_ACTIVATION, for certificates that JITR or fleet provisioning registered.'
      : '';
  throw registryError(
    'invalid-status',
    `${JSON.stringify(status)} is not a status you can give here.${pending} Choose ${allowed.join(', ')}.`,
  );
}

export function checkCaStatus(status: unknown): CaStatus {
  if (CA_STATUSES.includes(status as CaStatus)) return status as CaStatus;

  throw registryError(
    'invalid-status',
    `${JSON.stringify(status)} is not a CA status. Choose ${CA_STATUSES.join(' or ')}.`,
  );
}

/** Throws `invalid-transition` unless UpdateCertificate may move `record` to `to`. */
export function checkTransition(record: CertificateRecord, to: CertificateStatus): void {
  const from = record.status;
  if (canTransition(from, to)) return;

  const who = `Certificate ${shortId(record.certificateId)} (${record.subject})`;
  const why =
    from === 'REVOKED'
      ? 'REVOKED is final: a revoked certificate never connects again. Make or register a new certificate instead.'
      : 'Only AWS sets PENDING_ACTIVATION, for certificates that JITR or fleet provisioning registered. Choose ACTIVE, INACTIVE or REVOKED.';
  throw registryError('invalid-transition', `${who} cannot move from ${from} to ${to}. ${why}`);
}

/** AWS refuses to delete an ACTIVE certificate: it must be deactivated (or revoked) first. */
export function checkDeletable(record: CertificateRecord): void {
  if (record.status !== 'ACTIVE') return;

  throw registryError(
    'certificate-active',
    `Certificate ${shortId(record.certificateId)} (${record.subject}) is ACTIVE, and an ACTIVE ` +
      'certificate cannot be deleted (as in AWS IoT’s DeleteCertificate). Set it to INACTIVE or ' +
      'REVOKED first, then delete it.',
  );
}
