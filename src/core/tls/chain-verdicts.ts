/**
 * What each side of the handshake does when a certificate chain fails its checks: which
 * failure the report names and which alert goes on the wire. The alerts are the ones OpenSSL
 * sends for the same verification errors (its ssl_verify_alarm_type table), so the model and
 * the lab server's real TLS end the same way.
 */
import type { ChainCheck, ChainFailure } from '../pki/chain-checks.ts';
import type { ChainVerification } from '../pki/verify-chain.ts';
import type { HandshakeFailure } from './handshake-report.ts';
import type { TlsAlertName } from './tls-alerts.ts';

export interface ChainVerdict {
  failure: HandshakeFailure;
  alert: TlsAlertName;
  /** The check that decided it. */
  check: ChainCheck;
}

/** The order a verifier meets problems in: building the path, then extensions, then each link. */
const PRIORITY: ChainFailure[] = [
  'unknown-issuer',
  'issuer-not-ca',
  'path-length-exceeded',
  'extended-key-usage',
  'key-usage',
  'unknown-critical-extension',
  'bad-signature',
  'expired',
  'not-yet-valid',
];

const ALERT_FOR: Record<ChainFailure, TlsAlertName> = {
  'unknown-issuer': 'unknown_ca',
  'issuer-not-ca': 'unknown_ca',
  'path-length-exceeded': 'bad_certificate',
  'extended-key-usage': 'unsupported_certificate',
  'key-usage': 'unsupported_certificate',
  'unknown-critical-extension': 'unsupported_certificate',
  'bad-signature': 'decrypt_error',
  expired: 'certificate_expired',
  // OpenSSL has no alert of its own for "not yet valid"; it sends bad_certificate.
  'not-yet-valid': 'bad_certificate',
};

const CLIENT_CERTIFICATE_FAILURE: Partial<Record<ChainFailure, HandshakeFailure>> = {
  'unknown-issuer': 'unknown-ca',
  'extended-key-usage': 'no-client-auth-usage',
  expired: 'client-certificate-expired',
  'not-yet-valid': 'client-certificate-not-yet-valid',
};

/** The first failure a verifier would stop at, or null when the chain passed. */
export function decidingCheck(verification: ChainVerification): ChainCheck | null {
  for (const failure of PRIORITY) {
    const check = verification.failures.find((c) => c.failure === failure);
    if (check) return check;
  }
  return verification.failures[0] ?? null;
}

/** The broker's verdict on the device's chain. */
export function clientChainVerdict(verification: ChainVerification): ChainVerdict | null {
  const check = decidingCheck(verification);
  if (!check) return null;

  const failure = check.failure ?? 'unknown-issuer';
  return {
    failure: CLIENT_CERTIFICATE_FAILURE[failure] ?? 'bad-certificate',
    alert: ALERT_FOR[failure],
    check,
  };
}

/** The device's verdict on the broker's chain: whatever failed, it does not trust the broker. */
export function serverChainVerdict(verification: ChainVerification): ChainVerdict | null {
  const check = decidingCheck(verification);
  if (!check) return null;
  return {
    failure: 'server-untrusted',
    alert: ALERT_FOR[check.failure ?? 'unknown-issuer'],
    check,
  };
}
