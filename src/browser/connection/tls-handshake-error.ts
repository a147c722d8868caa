/**
 * A connect "with a device certificate" that the in-page lab's modelled TLS handshake refused.
 * It carries the whole report, so a widget can show the steps and the doctor's verdict
 * (diagnose(error.report)).
 */
import { diagnose } from '../../core/tls/connection-doctor.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import { ConnectError } from './connection.ts';

export class TlsHandshakeError extends ConnectError {
  override name = 'TlsHandshakeError';
  constructor(readonly report: HandshakeReport) {
    const verdict = diagnose(report);
    super(
      'tls',
      verdict?.title ?? 'The TLS handshake failed',
      report.failure?.message ?? 'The broker ended the connection during the TLS handshake.',
    );
  }
}
