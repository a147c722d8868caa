/**
 * The lab's status check after the handshake, as AWS IoT makes it: only an ACTIVE certificate
 * may connect (API_UpdateCertificate, "Statuses"). A refusal here is not a TLS alert: the
 * handshake is over, and the broker closes the connection.
 */
import type { CertificateStatus } from '../lab/certificate-registry.ts';
import type { HandshakeFailure } from './handshake-report.ts';

const STATUS_FAILURE: Record<Exclude<CertificateStatus, 'ACTIVE'>, HandshakeFailure> = {
  INACTIVE: 'certificate-inactive',
  REVOKED: 'certificate-revoked',
  PENDING_ACTIVATION: 'certificate-pending',
};

export function registryFailure(status: CertificateStatus | null): HandshakeFailure | null {
  if (status === null) return 'certificate-unregistered';
  return status === 'ACTIVE' ? null : STATUS_FAILURE[status];
}

export function registryMessage(certificateId: string, status: CertificateStatus | null): string {
  if (status === null) {
    return `No certificate with ID ${certificateId} is registered with the lab, so the broker closes the connection.`;
  }
  if (status === 'ACTIVE') return `Certificate ${certificateId} is ACTIVE.`;
  return `Certificate ${certificateId} is ${status}; only ACTIVE certificates may connect, so the broker closes the connection.`;
}
