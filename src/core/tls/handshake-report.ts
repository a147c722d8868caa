/**
 * What a mutual TLS handshake did, step by step, in one shape for both labs: the lab server's
 * real handshake (Node's TLS, `handshake tls probe`, /api/tls/probe) and the in-page lab's model
 * of TLS 1.3 (real keys and signatures, no record layer). The connection doctor reads these.
 */

/** Where a connection attempt stopped, from the wire up. */
export const CONNECTION_LAYERS = [
  'network',
  'tls-server-check',
  'tls-client-check',
  'certificate-status',
  'mqtt',
] as const;
export type ConnectionLayer = (typeof CONNECTION_LAYERS)[number];

export const LAYER_TITLES: Record<ConnectionLayer, string> = {
  network: 'Network',
  'tls-server-check': "TLS: the device's check of the broker",
  'tls-client-check': "TLS: the broker's check of the device",
  'certificate-status': 'Certificate status in the registry',
  mqtt: 'MQTT',
};

/**
 * Why an attempt failed; each has one layer (see FAILURE_LAYER) and a doctor's entry.
 * The gallery of broken set-ups has one case for most of these.
 */
export const HANDSHAKE_FAILURES = [
  'connection-refused',
  'not-tls',
  'server-name-mismatch',
  'server-untrusted',
  'no-client-certificate',
  'client-certificate-expired',
  'client-certificate-not-yet-valid',
  'unknown-ca',
  'intermediate-missing',
  'no-client-auth-usage',
  'key-mismatch',
  'bad-certificate',
  'certificate-unregistered',
  'certificate-inactive',
  'certificate-revoked',
  'certificate-pending',
  'mqtt-refused',
] as const;
export type HandshakeFailure = (typeof HANDSHAKE_FAILURES)[number];

export const FAILURE_LAYER: Record<HandshakeFailure, ConnectionLayer> = {
  'connection-refused': 'network',
  'not-tls': 'network',
  'server-name-mismatch': 'tls-server-check',
  'server-untrusted': 'tls-server-check',
  'no-client-certificate': 'tls-client-check',
  'client-certificate-expired': 'tls-client-check',
  'client-certificate-not-yet-valid': 'tls-client-check',
  'unknown-ca': 'tls-client-check',
  'intermediate-missing': 'tls-client-check',
  'no-client-auth-usage': 'tls-client-check',
  'key-mismatch': 'tls-client-check',
  'bad-certificate': 'tls-client-check',
  'certificate-unregistered': 'certificate-status',
  'certificate-inactive': 'certificate-status',
  'certificate-revoked': 'certificate-status',
  'certificate-pending': 'certificate-status',
  'mqtt-refused': 'mqtt',
};

export type Side = 'client' | 'server';

/** One check a side made, with what it found. */
export interface HandshakeCheck {
  by: Side;
  /** Short, e.g. "Chain to a registered CA", "Signature over the transcript". */
  what: string;
  passed: boolean;
  /** What was compared and found; for a failure, also what it means. */
  detail: string;
}

/** One handshake message (or the alert that ended it). */
export interface HandshakeStep {
  /** TLS's name: ClientHello, ServerHello, EncryptedExtensions, Certificate, CertificateRequest,
   *  CertificateVerify, Finished, Alert; or "Registry lookup" for the lab's status check. */
  message: string;
  from: Side;
  /** One line on what this message is for. */
  summary: string;
  /** What it carries, label and value, e.g. { label: 'cipher_suites', value: 'TLS_AES_128_GCM_SHA256, …' }. */
  carries: { label: string; value: string }[];
  /** What the receiving side (or the sender, for its own checks) verified on it. */
  checks: HandshakeCheck[];
  /**
   * Emulated mode only: SHA-256 of the modelled transcript up to and including this message,
   * lowercase hex (RFC 8446 §4.4.1's Transcript-Hash over the model's encoding).
   */
  transcriptHash?: string;
}

/** The alert that ended a failed handshake (RFC 8446 §6.2), as the side that sent it named it. */
export interface HandshakeAlert {
  by: Side;
  /** e.g. `certificate_required`, `unknown_ca`, `certificate_expired`, `decrypt_error`. */
  name: string;
  /** The AlertDescription number, e.g. 116 for certificate_required. */
  code: number | null;
}

/** Who the broker decided the device is; attached to the MQTT session for policies. */
export interface DeviceIdentity {
  /** SHA-256 of the DER, lowercase hex: AWS IoT's certificate ID. */
  certificateId: string;
  /** RFC 2253 text. */
  subject: string;
  issuer: string;
  /** Hex, as OpenSSL prints it. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** The subject's CN values, in certificate order (for iot:Certificate.Subject.CommonName). */
  commonNames: string[];
}

export interface HandshakeReport {
  /** `real`: the lab server's TLS stack did it; `emulated`: the in-page model. */
  mode: 'real' | 'emulated';
  /** e.g. `TLSv1.3`; null when no protocol was agreed. */
  protocol: string | null;
  /** e.g. `TLS_AES_256_GCM_SHA384`; null when none was agreed. */
  cipher: string | null;
  outcome: 'connected' | 'failed';
  steps: HandshakeStep[];
  alert: HandshakeAlert | null;
  failure: { code: HandshakeFailure; message: string } | null;
  /** Set when the broker accepted the device certificate. */
  identity: DeviceIdentity | null;
  /** What the report leaves out or models, for the learner (the emulated mode says it is one). */
  notes?: string[];
}
