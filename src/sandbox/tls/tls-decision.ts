/**
 * What the mutual TLS listener decided about one connection, kept for a while so that the one
 * who connected can ask why: Node's TLS server sends no alert when it rejects a device's chain,
 * and the registry's refusals come after the handshake, so the wire alone cannot say. The
 * probe (handshake-probe.ts) reads these in-process, `handshake tls probe` over
 * /api/tls/connections.
 */
import type { CertificateStatus } from '../../core/lab/certificate-registry.ts';
import type {
  DeviceIdentity,
  HandshakeAlert,
  HandshakeFailure,
} from '../../core/tls/handshake-report.ts';

export interface TlsDecision {
  /** The device's address and port as the lab saw them, e.g. `127.0.0.1:51234`. */
  from: string;
  time: string;
  /**
   * `accepted`: handed to the broker; `refused`: the lab refused the device; `failed`: the
   * handshake broke off for another reason (the device hung up, or did not speak TLS).
   */
  outcome: 'accepted' | 'refused' | 'failed';
  protocol: string | null;
  cipher: string | null;
  /** The subjects of the CAs the CertificateRequest named: the registry's ACTIVE CAs. */
  acceptableCaNames: string[];
  /** The chain the device sent, leaf first, as OpenSSL handed it over; empty for none. */
  chain: { subject: string; issuer: string; certificateId: string }[];
  /** OpenSSL's verification result for that chain, e.g. `CERT_HAS_EXPIRED`; null when it passed. */
  verifyError: string | null;
  /** The leaf's status in the registry; null when not registered; absent when not looked up. */
  status?: CertificateStatus | null;
  /** The alert the lab's TLS sent or received, when there was one. */
  alert: HandshakeAlert | null;
  failure: { code: HandshakeFailure; message: string } | null;
  /** For a handshake that failed for no reason of the device's certificate: what TLS said. */
  note?: string;
  identity: DeviceIdentity | null;
}

/** The last decisions, by `from`, with a way to wait for one still being made. */
export interface DecisionLog {
  add(decision: TlsDecision): void;
  get(from: string): TlsDecision | undefined;
  /** Newest first. */
  list(): TlsDecision[];
  /** The decision for `from`, waiting up to `timeoutMs`; null when none came. */
  waitFor(from: string, timeoutMs: number): Promise<TlsDecision | null>;
}

/** A port is reused soon after a connection closes, so only the last few hundred are kept. */
export function createDecisionLog(limit = 256): DecisionLog {
  const decisions = new Map<string, TlsDecision>();
  const waiting = new Map<string, Set<(decision: TlsDecision) => void>>();

  return {
    add(decision) {
      decisions.delete(decision.from);
      decisions.set(decision.from, decision);
      if (decisions.size > limit) decisions.delete(decisions.keys().next().value!);
      waiting.get(decision.from)?.forEach((wake) => wake(decision));
      waiting.delete(decision.from);
    },

    get: (from) => decisions.get(from),

    list: () => [...decisions.values()].reverse(),

    waitFor(from, timeoutMs) {
      const known = decisions.get(from);
      if (known) return Promise.resolve(known);

      return new Promise((resolve) => {
        const wake = (decision: TlsDecision) => {
          clearTimeout(timer);
          resolve(decision);
        };
        const timer = setTimeout(() => {
          waiting.get(from)?.delete(wake);
          resolve(null);
        }, timeoutMs);
        if (!waiting.has(from)) waiting.set(from, new Set());
        waiting.get(from)!.add(wake);
      });
    },
  };
}

/** `address:port` with IPv4-mapped IPv6 (`::ffff:127.0.0.1`) written as plain IPv4. */
export function endpoint(address: string | undefined, port: number | undefined): string {
  return `${(address ?? 'unknown').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1')}:${port ?? 0}`;
}
