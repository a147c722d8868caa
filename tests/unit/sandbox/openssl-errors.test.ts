/** Node's TLS errors in the course's words: alerts by name and number, and what they mean. */
import { describe, expect, it } from 'vitest';
import {
  describeChainError,
  failureForBrokerAlert,
  failureForChainError,
  isKeyMismatch,
  isNetworkError,
  receivedAlert,
} from '../../../src/sandbox/tls/openssl-errors.ts';

describe('receivedAlert', () => {
  it.each([
    [
      'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
      'error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:../ssl/record/rec_layer_s3.c:1601:SSL alert number 116',
      { name: 'certificate_required', code: 116 },
    ],
    [
      'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
      'tlsv1 alert unknown ca: SSL alert number 48',
      { name: 'unknown_ca', code: 48 },
    ],
    [
      'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
      'sslv3 alert certificate expired',
      { name: 'certificate_expired', code: 45 },
    ],
    [
      'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
      'SSL alert number 42',
      { name: 'bad_certificate', code: 42 },
    ],
    [
      'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
      'SSL alert number 51',
      { name: 'decrypt_error', code: 51 },
    ],
    [
      'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
      'sslv3 alert handshake failure',
      { name: 'handshake_failure', code: 40 },
    ],
  ])('reads %s as the alert the peer sent', (code, message, alert) => {
    expect(receivedAlert({ code, message })).toEqual(alert);
  });

  it('is null for errors that are not alerts', () => {
    expect(receivedAlert({ code: 'ECONNRESET', message: 'read ECONNRESET' })).toBeNull();
    expect(
      receivedAlert({ code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'wrong version number' }),
    ).toBeNull();
  });
});

describe('what an alert from the broker means to the device', () => {
  it.each([
    ['certificate_required', true, 'no-client-certificate'],
    ['handshake_failure', false, 'no-client-certificate'],
    ['handshake_failure', true, 'bad-certificate'],
    ['unknown_ca', true, 'unknown-ca'],
    ['certificate_expired', true, 'client-certificate-expired'],
    ['certificate_revoked', true, 'certificate-revoked'],
    ['unsupported_certificate', true, 'no-client-auth-usage'],
    ['decrypt_error', true, 'key-mismatch'],
    ['bad_certificate', true, 'bad-certificate'],
  ] as const)('%s (certificate sent: %s) is %s', (alert, sent, failure) => {
    expect(failureForBrokerAlert(alert, sent)).toBe(failure);
  });
});

describe("OpenSSL's verdict on a device's chain", () => {
  it.each([
    ['CERT_HAS_EXPIRED', 'client-certificate-expired'],
    ['CERT_NOT_YET_VALID', 'client-certificate-not-yet-valid'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unknown-ca'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unknown-ca'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'unknown-ca'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'unknown-ca'],
    ['INVALID_PURPOSE', 'no-client-auth-usage'],
    ['CERT_SIGNATURE_FAILURE', 'bad-certificate'],
    ['VERIFY_RESULT_UNAVAILABLE', 'bad-certificate'],
  ])('%s is %s', (error, failure) => {
    expect(failureForChainError(error)).toBe(failure);
  });

  it('says it in words, with OpenSSL’s name', () => {
    expect(describeChainError('CERT_HAS_EXPIRED')).toBe(
      'a certificate in the chain has expired (OpenSSL: CERT_HAS_EXPIRED)',
    );
    expect(describeChainError('SOMETHING_NEW')).toBe('OpenSSL: SOMETHING_NEW');
  });
});

describe('errors before any TLS', () => {
  it('knows a refused or unreachable address, and a key that is not the certificate’s', () => {
    expect(isNetworkError({ code: 'ECONNREFUSED', message: '' })).toBe(true);
    expect(isNetworkError({ code: 'ENOTFOUND', message: '' })).toBe(true);
    expect(isNetworkError({ code: 'ECONNRESET', message: '' })).toBe(false);
    expect(
      isKeyMismatch({ code: 'ERR_OSSL_X509_KEY_VALUES_MISMATCH', message: 'key values mismatch' }),
    ).toBe(true);
  });
});
