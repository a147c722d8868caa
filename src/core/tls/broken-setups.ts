/**
 * The gallery of broken set-ups: one device set-up per way a mutual TLS connection to the lab
 * fails, and a working one to compare with. Each case says what is wrong, which side notices,
 * and exactly how the attempt ends (failure code, TLS alert, and so the doctor's layer); the
 * builder (broken-setup-builder.ts) makes its keys and certificates. Alerts follow RFC 8446
 * §6.2 as OpenSSL sends them; registry refusals follow AWS IoT (only ACTIVE connects).
 */
import type { HandshakeFailure, Side } from './handshake-report.ts';
import { TLS_ALERTS, type TlsAlertName } from './tls-alerts.ts';

export const BROKEN_SETUP_IDS = [
  'working',
  'expired',
  'not-yet-valid',
  'untrusted-ca',
  'intermediate-missing',
  'inactive',
  'revoked',
  'key-mismatch',
  'server-name-mismatch',
  'no-client-auth-usage',
  'no-client-certificate',
] as const;
export type BrokenSetupId = (typeof BROKEN_SETUP_IDS)[number];

export interface BrokenSetup {
  id: BrokenSetupId;
  title: string;
  /** What is wrong with the set-up, in a sentence. */
  wrong: string;
  /** Who notices: the device checking the broker, or the broker checking the device. */
  detectedBy: Side;
  /** Null for the working set-up. */
  failure: HandshakeFailure | null;
  /** The alert that ends the handshake; null when it succeeds or the registry refuses after it. */
  alert: { name: TlsAlertName; code: number } | null;
  /** For cases about time: which clock makes them pass. */
  clock?: string;
  /** What would make it work. */
  fix: string;
}

const alert = (name: TlsAlertName) => ({ name, code: TLS_ALERTS[name] });

/** Validity of the clock cases, in days from the moment the set-up is built. */
export const EXPIRED_DAYS = { notBefore: -400, notAfter: -35 } as const;
export const NOT_YET_VALID_DAYS = { notBefore: 30, notAfter: 395 } as const;

export const BROKEN_SETUPS: Record<BrokenSetupId, BrokenSetup> = {
  working: {
    id: 'working',
    title: 'A working device',
    wrong:
      'Nothing: a certificate from the lab CA for clientAuth, registered ACTIVE, with its own key, dialling localhost.',
    detectedBy: 'server',
    failure: null,
    alert: null,
    fix: 'Compare the other cases with this one.',
  },
  expired: {
    id: 'expired',
    title: 'Expired certificate',
    wrong: `The device certificate's notAfter was ${-EXPIRED_DAYS.notAfter} days before the set-up was built.`,
    detectedBy: 'server',
    failure: 'client-certificate-expired',
    alert: alert('certificate_expired'),
    clock:
      'Moving the clock back into its validity does not rescue it: the lab CA did not exist yet then, so the device would not trust the broker either. Only a new certificate helps.',
    fix: 'Issue and register a new certificate; an expired one cannot be renewed in place.',
  },
  'not-yet-valid': {
    id: 'not-yet-valid',
    title: 'Certificate not valid yet',
    wrong: `The device certificate's notBefore is ${NOT_YET_VALID_DAYS.notBefore} days after the set-up was built.`,
    detectedBy: 'server',
    failure: 'client-certificate-not-yet-valid',
    alert: alert('bad_certificate'),
    clock: `Passes with the clock moved forward to notBefore (${NOT_YET_VALID_DAYS.notBefore} days on) or later, until notAfter.`,
    fix: 'Wait until notBefore, or issue the certificate dated from now.',
  },
  'untrusted-ca': {
    id: 'untrusted-ca',
    title: 'Issued by a CA the lab does not trust',
    wrong:
      'The device certificate was signed by a CA of its own that was never registered with the lab.',
    detectedBy: 'server',
    failure: 'unknown-ca',
    alert: alert('unknown_ca'),
    fix: 'Register that CA (and set it ACTIVE), or have the lab CA issue the certificate.',
  },
  'intermediate-missing': {
    id: 'intermediate-missing',
    title: 'Intermediate CA not sent',
    wrong:
      'An intermediate CA issued the device certificate; its root is registered ACTIVE, but the device sends its certificate alone.',
    detectedBy: 'server',
    failure: 'intermediate-missing',
    alert: alert('unknown_ca'),
    fix: 'Send the chain: the device certificate followed by the intermediate, in one file.',
  },
  inactive: {
    id: 'inactive',
    title: 'Certificate INACTIVE',
    wrong: 'The certificate is fine for TLS, but registered INACTIVE.',
    detectedBy: 'server',
    failure: 'certificate-inactive',
    alert: null,
    fix: 'Set it ACTIVE.',
  },
  revoked: {
    id: 'revoked',
    title: 'Certificate REVOKED',
    wrong: 'The certificate is fine for TLS, but registered REVOKED, which is final.',
    detectedBy: 'server',
    failure: 'certificate-revoked',
    alert: null,
    fix: 'Issue and register a new certificate.',
  },
  'key-mismatch': {
    id: 'key-mismatch',
    title: 'Key does not match the certificate',
    wrong: 'The device signs with a private key made separately from its certificate.',
    detectedBy: 'server',
    failure: 'key-mismatch',
    alert: alert('decrypt_error'),
    fix: 'Use the key the certificate was made for.',
  },
  'server-name-mismatch': {
    id: 'server-name-mismatch',
    title: "Server name not in the broker's certificate",
    wrong: "The device dials broker.example.com, a name the broker's certificate does not list.",
    detectedBy: 'client',
    failure: 'server-name-mismatch',
    alert: alert('bad_certificate'),
    fix: 'Dial a name the certificate lists (localhost or 127.0.0.1).',
  },
  'no-client-auth-usage': {
    id: 'no-client-auth-usage',
    title: 'Certificate not for client authentication',
    wrong: 'The device certificate lists extendedKeyUsage serverAuth only, without clientAuth.',
    detectedBy: 'server',
    failure: 'no-client-auth-usage',
    alert: alert('unsupported_certificate'),
    fix: 'Reissue it with extendedKeyUsage clientAuth.',
  },
  'no-client-certificate': {
    id: 'no-client-certificate',
    title: 'No client certificate',
    wrong: 'The device connects without a certificate (no --cert or --key).',
    detectedBy: 'server',
    failure: 'no-client-certificate',
    alert: alert('certificate_required'),
    fix: 'Give the client its certificate and key.',
  },
};
