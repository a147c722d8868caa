/**
 * How `openssl s_client` reaches a broker: one mutual TLS attempt with the lab behind the
 * page's broker, reported in the course's one handshake shape (src/core/tls/handshake-report.ts):
 * the lab server's real TLS, or the in-page lab's model of TLS 1.3, which says it is one.
 */
import type { HandshakeReport } from '../tls/handshake-report.ts';

/** What the device presents and trusts, as s_client's -cert, -key, -CAfile and -servername. */
export interface TlsDevice {
  certificatePem: string;
  privateKeyPem: string;
  caPem?: string;
  serverName?: string;
}

export type TlsAttempt =
  | { ok: true; report: HandshakeReport; label: string; address: string }
  | { ok: false; why: string };

export interface TlsPort {
  handshake(device: TlsDevice): Promise<TlsAttempt>;
}
