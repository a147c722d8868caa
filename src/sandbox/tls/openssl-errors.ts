/**
 * What Node's TLS (OpenSSL underneath) reports, turned into the course's words: the alert an
 * error names, the handshake failure it means on either side, and the network errors before
 * any TLS. The alert names and numbers come from the one table in src/core/tls/tls-alerts.ts.
 */
import type { HandshakeFailure } from '../../core/tls/handshake-report.ts';
import { TLS_ALERTS, alertName, type TlsAlertName } from '../../core/tls/tls-alerts.ts';

/** An error as Node raises it: a code such as ERR_SSL_TLSV1_ALERT_UNKNOWN_CA, and a message. */
export interface NodeError {
  code?: string | undefined;
  message: string;
}

/**
 * The alert a peer sent, from an error that reports receiving one: OpenSSL names it in the
 * code (`ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED`) and numbers it in the message ("SSL alert
 * number 45"); the number wins when both are there.
 */
export function receivedAlert(error: NodeError): { name: TlsAlertName; code: number } | null {
  const numbered = /SSL alert number (\d+)/.exec(error.message);
  const byNumber = numbered ? alertName(Number(numbered[1])) : undefined;
  if (byNumber) return { name: byNumber, code: TLS_ALERTS[byNumber] };

  const named = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)$/.exec(error.code ?? '');
  const name = named?.[1]?.toLowerCase();
  if (name && name in TLS_ALERTS) {
    return { name: name as TlsAlertName, code: TLS_ALERTS[name as TlsAlertName] };
  }
  return null;
}

/** Errors that mean no TLS conversation took place: nothing listened, or no route to it. */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isNetworkError(error: NodeError): boolean {
  return NETWORK_ERRORS.has(error.code ?? '');
}

/**
 * What the device learns from an alert the broker sent (RFC 8446 §6.2). Without a certificate,
 * TLS 1.3 says certificate_required and TLS 1.2 handshake_failure.
 */
export function failureForBrokerAlert(alert: string, sentCertificate: boolean): HandshakeFailure {
  switch (alert) {
    case 'certificate_required':
      return 'no-client-certificate';
    case 'handshake_failure':
      return sentCertificate ? 'bad-certificate' : 'no-client-certificate';
    case 'unknown_ca':
      return 'unknown-ca';
    case 'certificate_expired':
      return 'client-certificate-expired';
    case 'certificate_revoked':
      return 'certificate-revoked';
    case 'unsupported_certificate':
      return 'no-client-auth-usage';
    case 'decrypt_error':
      return 'key-mismatch';
    default:
      return 'bad-certificate';
  }
}

/**
 * OpenSSL's verification result for a device's chain (X509_V_ERR_* as Node names them) as the
 * lab's failure. The issuer errors are all "no path to a CA the lab trusts"; whether an
 * intermediate was only left out is decided with the registry (device-admission.ts).
 */
const CHAIN_FAILURES: Record<string, HandshakeFailure> = {
  CERT_HAS_EXPIRED: 'client-certificate-expired',
  CERT_NOT_YET_VALID: 'client-certificate-not-yet-valid',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown-ca',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown-ca',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown-ca',
  SELF_SIGNED_CERT_IN_CHAIN: 'unknown-ca',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'unknown-ca',
  INVALID_CA: 'unknown-ca',
  INVALID_PURPOSE: 'no-client-auth-usage',
};

export function failureForChainError(verifyError: string): HandshakeFailure {
  return CHAIN_FAILURES[verifyError] ?? 'bad-certificate';
}

/** OpenSSL's verification errors in words, for logs and reports. */
const CHAIN_ERROR_WORDS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'a certificate in the chain has expired',
  CERT_NOT_YET_VALID: 'a certificate in the chain is not valid yet',
  UNABLE_TO_GET_ISSUER_CERT: "the issuer's certificate could not be found",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer is not among the trusted CAs',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'no trusted CA signed the certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a self-signed CA that is not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed and not trusted',
  INVALID_CA: 'a CA certificate in the chain is not allowed to be a CA',
  INVALID_PURPOSE: 'the certificate is not allowed for this purpose (extended key usage)',
  CERT_SIGNATURE_FAILURE: 'a signature in the chain does not verify',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the name dialled is not in the certificate',
};

export function describeChainError(verifyError: string): string {
  const words = CHAIN_ERROR_WORDS[verifyError];
  return words ? `${words} (OpenSSL: ${verifyError})` : `OpenSSL: ${verifyError}`;
}

/** Node refusing a certificate and key that do not belong together, before any connection. */
export function isKeyMismatch(error: NodeError): boolean {
  return (
    error.code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' || /key values mismatch/i.test(error.message)
  );
}
