/**
 * The TLS alerts of RFC 8446 §6.2, by their names and AlertDescription numbers (handshake_failure
 * is what TLS 1.2 sends where TLS 1.3 says certificate_required). One table, so reports, widgets,
 * the lab server's log and tests use the same words.
 */
import type { HandshakeAlert, Side } from './handshake-report.ts';

export const TLS_ALERTS = {
  close_notify: 0,
  unexpected_message: 10,
  bad_record_mac: 20,
  record_overflow: 22,
  handshake_failure: 40,
  bad_certificate: 42,
  unsupported_certificate: 43,
  certificate_revoked: 44,
  certificate_expired: 45,
  certificate_unknown: 46,
  illegal_parameter: 47,
  unknown_ca: 48,
  access_denied: 49,
  decode_error: 50,
  decrypt_error: 51,
  protocol_version: 70,
  insufficient_security: 71,
  internal_error: 80,
  inappropriate_fallback: 86,
  user_canceled: 90,
  missing_extension: 109,
  unsupported_extension: 110,
  unrecognized_name: 112,
  bad_certificate_status_response: 113,
  unknown_psk_identity: 115,
  certificate_required: 116,
  no_application_protocol: 120,
} as const;

/** The alert with AlertDescription `code`, by its RFC 8446 name; undefined for an unknown number. */
export function alertName(code: number): TlsAlertName | undefined {
  return (Object.keys(TLS_ALERTS) as TlsAlertName[]).find((name) => TLS_ALERTS[name] === code);
}

export type TlsAlertName = keyof typeof TLS_ALERTS;

/** The alert `by` sends, with its number. */
export function alertOf(by: Side, name: TlsAlertName): HandshakeAlert {
  return { by, name, code: TLS_ALERTS[name] };
}
