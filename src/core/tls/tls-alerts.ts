/**
 * The TLS alerts a mutual TLS handshake with the lab can end with, by their RFC 8446 §6.2 names
 * and AlertDescription numbers. One table, so reports, widgets and tests use the same words.
 */
import type { HandshakeAlert, Side } from './handshake-report.ts';

export const TLS_ALERTS = {
  bad_certificate: 42,
  unsupported_certificate: 43,
  certificate_revoked: 44,
  certificate_expired: 45,
  certificate_unknown: 46,
  unknown_ca: 48,
  access_denied: 49,
  decrypt_error: 51,
  certificate_required: 116,
} as const;

export type TlsAlertName = keyof typeof TLS_ALERTS;

/** The alert `by` sends, with its number. */
export function alertOf(by: Side, name: TlsAlertName): HandshakeAlert {
  return { by, name, code: TLS_ALERTS[name] };
}
