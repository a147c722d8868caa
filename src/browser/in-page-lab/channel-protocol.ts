import type { LabEvent } from '../../core/lab/lab-event.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import type { DeviceTls } from '../../core/tls/lab-handshake.ts';

/*
 * The page and the in-page lab's worker talk over two kinds of port. The worker's own port
 * carries requests and lab-wide news; each MQTT connection gets a MessageChannel of its own,
 * so its bytes, its lab events and its end arrive in the order the broker made them. A request
 * that wants an answer brings a port of its own for the reply.
 */

/** Page to worker, on the worker's port. */
export type WorkerRequest =
  | {
      kind: 'connect';
      port: MessagePort;
      /** Connect "with a device certificate": the modelled mutual TLS handshake comes first. */
      tls?: DeviceTls;
      /** The handshake's clock, ISO 8601; default the worker's now. */
      at?: string;
    }
  /** The modelled handshake alone, answered with its report on `reply`. */
  | { kind: 'tls-probe'; reply: MessagePort; tls: DeviceTls; at?: string };

/** Worker to page, on a request's reply port. */
export type WorkerReply =
  | { kind: 'report'; report: HandshakeReport }
  | { kind: 'error'; name: string; code: string | null; message: string };

/** An error as it crosses a port: its class name, its stable code if it has one, its message. */
export function portableError(error: unknown): {
  name: string;
  code: string | null;
  message: string;
} {
  const { name, message, code } = error as { name?: string; message?: string; code?: unknown };
  return {
    name: name ?? 'Error',
    code: typeof code === 'string' ? code : null,
    message: message ?? String(error),
  };
}

/** Worker to page, on the worker's port. */
export type WorkerNews =
  | { kind: 'ready'; persistent: boolean }
  | { kind: 'failed'; message: string }
  | { kind: 'event'; event: LabEvent }
  | { kind: 'warning'; message: string };

/**
 * Either way on a connection's channel: raw MQTT bytes, a lab event about it, the report of
 * its TLS handshake (before any byte, and before the end when the handshake failed), or its end.
 */
export type ChannelMessage =
  | Uint8Array
  | { kind: 'event'; event: LabEvent }
  | TlsOutcome
  | { kind: 'end' };

/** How a connection's modelled TLS handshake went: its report, or why none could be made. */
export type TlsOutcome =
  | { kind: 'tls-report'; report: HandshakeReport }
  | { kind: 'tls-error'; name: string; code: string | null; message: string };
