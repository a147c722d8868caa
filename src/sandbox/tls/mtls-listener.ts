/**
 * MQTT over mutual TLS for native tools (DESIGN.md, "Lab server"; 8883 by default). Each
 * connection goes through these steps before the broker reads a byte of MQTT:
 *   1. trust: the registry's ACTIVE CAs at this moment become the TLS context's CA list
 *   2. handshake: OpenSSL requires a client certificate (certificate_required without one)
 *   3. admission: OpenSSL's chain verdict, clientAuth usage, and the registry's status
 *      (device-admission.ts); a refusal closes the socket
 *   4. the broker: the socket, with the device's identity, goes to `broker.handle`
 * Every decision is logged on one line and kept (tls-decision.ts) so that a probe can learn
 * why the lab closed its connection.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { CertificateRegistry } from '../../core/lab/certificate-registry.ts';
import type { LabEvent } from '../../core/lab/lab-event.ts';
import { shortId } from '../../core/lab/registry/index.ts';
import { certificateId, type Bytes } from '../../core/pki/index.ts';
import { diagnoseFailure } from '../../core/tls/connection-doctor.ts';
import type { HandshakeAlert, HandshakeFailure } from '../../core/tls/handshake-report.ts';
import { alertOf } from '../../core/tls/tls-alerts.ts';
import type { LabBroker } from '../broker.ts';
import type { Logger } from '../log.ts';
import { admitDevice } from './device-admission.ts';
import { receivedAlert } from './openssl-errors.ts';
import { createDecisionLog, endpoint, type DecisionLog, type TlsDecision } from './tls-decision.ts';
import type { Trust } from './trust.ts';

export interface MtlsListenerOptions {
  broker: LabBroker;
  registry: Pick<CertificateRegistry, 'describeCertificate'>;
  /** The CAs and server certificate for the next handshake (trust.ts). */
  trust(): Promise<Trust>;
  /** `lab:tls`. */
  log: Logger;
  /** A handshake not finished by then is dropped. Default: 30 s. */
  handshakeTimeoutMs?: number;
}

export interface MtlsListener {
  /** A plain TCP server; each connection is wrapped in TLS once the trust is read. */
  server: Server;
  decisions: DecisionLog;
  /** Ends every connection, then stops listening. */
  close(): Promise<void>;
}

/** The rule each refusal cites, for the log and the lab's events. */
const RULES: Partial<Record<HandshakeFailure, string>> = {
  'no-client-certificate': 'RFC 8446 §4.4.2.4',
  'client-certificate-expired': 'RFC 5280 §6.1.3',
  'client-certificate-not-yet-valid': 'RFC 5280 §6.1.3',
  'unknown-ca': 'AWS IoT register-CA-cert',
  'intermediate-missing': 'RFC 8446 §4.4.2',
  'no-client-auth-usage': 'RFC 5280 §4.2.1.12',
  'certificate-unregistered': 'AWS IoT register-device-cert',
  'certificate-inactive': 'AWS IoT API_UpdateCertificate',
  'certificate-revoked': 'AWS IoT API_UpdateCertificate',
  'certificate-pending': 'AWS IoT API_UpdateCertificate',
};

export function createMtlsListener(options: MtlsListenerOptions): MtlsListener {
  const { log } = options;
  const decisions = createDecisionLog();
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const decide = (decision: TlsDecision) => {
    decisions.add(decision);
    if (decision.outcome === 'refused') {
      log.info(refusalLine(decision));
      options.broker.events.emit('event', refusalEvent(decision));
    } else if (decision.outcome === 'accepted') {
      log.info(
        `accepted tls from=${decision.from} cert=${shortId(decision.identity!.certificateId)} ` +
          `subject=${JSON.stringify(decision.identity!.subject)} protocol=${decision.protocol}`,
      );
    } else {
      const code = decision.failure ? ` code=${decision.failure.code}` : '';
      const alert = decision.alert ? ` alert=${decision.alert.name} by=device` : '';
      const why = decision.failure?.message ?? decision.note ?? 'no reason given';
      log.info(`tls handshake failed from=${decision.from}${code}${alert}: ${oneLine(why)}`);
    }
  };

  const server = createServer((raw) => {
    track(raw);
    raw.on('error', () => {}); // reported by the TLS socket, or a reset before it exists
    handle(raw).catch((error: Error) => {
      log.error(
        `tls connection from ${endpoint(raw.remoteAddress, raw.remotePort)} failed: ${error.message}`,
      );
      raw.destroy();
    });
  });

  async function handle(raw: Socket): Promise<void> {
    const from = endpoint(raw.remoteAddress, raw.remotePort);
    const trust = await options.trust();
    if (raw.destroyed) return;

    const socket = new TLSSocket(raw, {
      isServer: true,
      secureContext: trust.context,
      requestCert: true,
      // Makes OpenSSL refuse a handshake without a certificate (SSL_VERIFY_FAIL_IF_NO_PEER_CERT).
      // Node verifies a chain only after the handshake; admission below refuses a bad one.
      rejectUnauthorized: true,
    });
    track(socket);
    const base = baseDecision(from, trust);
    let secured = false;
    const timer = setTimeout(() => {
      if (!secured) socket.destroy();
    }, options.handshakeTimeoutMs ?? 30_000);

    socket.on('error', (error: Error & { code?: string }) => {
      if (secured) return; // after the handshake the broker reports what happens
      clearTimeout(timer);
      const failed = handshakeFailure(error, socket);
      if (failed) decide({ ...base, ...failed, time: now() });
    });
    socket.once('close', () => clearTimeout(timer));

    socket.once('secure', () => {
      secured = true;
      clearTimeout(timer);
      admit(socket, from, trust).catch((error: Error) => {
        log.error(`tls admission of ${from} failed: ${error.message}`);
        socket.destroy();
      });
    });
  }

  async function admit(socket: TLSSocket, from: string, trust: Trust): Promise<void> {
    const admission = await admitDevice({
      verifyError: chainVerifyError(socket),
      chain: peerChain(socket),
      trust,
      registry: options.registry,
      now: new Date(),
    });
    const ids = await Promise.all(
      admission.chain.map(async (c) => ({
        subject: c.subject.text,
        issuer: c.issuer.text,
        certificateId: await certificateId(globalThis.crypto, c.der),
      })),
    );
    const decision: TlsDecision = {
      ...baseDecision(from, trust),
      time: now(),
      outcome: admission.failure ? 'refused' : 'accepted',
      protocol: socket.getProtocol(),
      cipher: socket.getCipher()?.standardName ?? null,
      chain: ids,
      verifyError: chainVerifyError(socket),
      ...(admission.status === undefined ? {} : { status: admission.status }),
      failure: admission.failure,
      identity: admission.identity,
    };
    decide(decision);

    if (admission.failure || !admission.identity) {
      socket.destroy();
      return;
    }
    if (socket.destroyed) return;
    options.broker.handle(socket, 'mtls', from, admission.identity);
  }

  return {
    server,
    decisions,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
      });
    },
  };
}

/**
 * OpenSSL's verdict on the device's chain. Node's own tls.Server reads it the same way when a
 * handshake ends (lib/_tls_wrap.js, onServerSocketSecure); a TLSSocket made by hand has no public
 * call for it. Should the call ever be missing, every device is refused rather than trusted.
 */
function chainVerifyError(socket: TLSSocket): string | null {
  const handle = (socket as unknown as { _handle?: { verifyError?: () => NodeVerifyError | null } })
    ._handle;
  if (typeof handle?.verifyError !== 'function') return 'VERIFY_RESULT_UNAVAILABLE';
  const error = handle.verifyError();
  return error ? (error.code ?? error.message) : null;
}

interface NodeVerifyError {
  code?: string;
  message: string;
}

/** The device's chain as Node reports it, leaf first (completed with a trusted CA when found). */
function peerChain(socket: TLSSocket): Bytes[] {
  const chain: Bytes[] = [];
  let certificate = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (certificate?.raw && !seen.has(certificate.fingerprint256)) {
    seen.add(certificate.fingerprint256);
    chain.push(new Uint8Array(certificate.raw));
    certificate = certificate.issuerCertificate;
  }
  return chain;
}

/** A handshake that broke off, as a decision; null for a plain hang-up before any TLS. */
function handshakeFailure(
  error: Error & { code?: string },
  socket: TLSSocket,
): Pick<TlsDecision, 'outcome' | 'alert' | 'failure' | 'protocol' | 'note'> | null {
  const protocol = socket.getProtocol?.() ?? null;
  if (error.code === 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE') {
    // RFC 8446 §4.4.2.4; TLS 1.2 has no certificate_required and says handshake_failure.
    const alert = alertOf(
      'server',
      protocol === 'TLSv1.2' ? 'handshake_failure' : 'certificate_required',
    );
    return {
      outcome: 'refused',
      protocol,
      alert,
      failure: {
        code: 'no-client-certificate',
        message: `The device sent no certificate; the lab requires one and answered with ${alert.name}.`,
      },
    };
  }

  const received = receivedAlert(error);
  if (received) {
    const alert: HandshakeAlert = { by: 'client', ...received };
    // OpenSSL-based clients say bad_certificate for X509_V_ERR_HOSTNAME_MISMATCH, and
    // unknown_ca for a CA they do not hold.
    const byName = received.name === 'bad_certificate';
    return {
      outcome: 'failed',
      protocol,
      alert,
      failure: {
        code: byName ? 'server-name-mismatch' : 'server-untrusted',
        message:
          `The device ended the handshake with ${received.name} (${received.code}): it did not ` +
          "accept the lab's server certificate" +
          (byName
            ? ', most likely because it dialled a name the certificate does not list (localhost, 127.0.0.1 and the --host address).'
            : '. Give it the lab CA as its trust anchor (--cafile ca/lab-root-ca.pem in the data folder).'),
      },
    };
  }
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return null;
  // Not TLS at all (an MQTT client on the wrong port, a web browser), or a protocol error.
  return { outcome: 'failed', protocol, alert: null, failure: null, note: error.message.trim() };
}

function baseDecision(from: string, trust: Trust): TlsDecision {
  return {
    from,
    time: now(),
    outcome: 'failed',
    protocol: null,
    cipher: null,
    acceptableCaNames: trust.active.map((ca) => ca.subject),
    chain: [],
    verifyError: null,
    alert: null,
    failure: null,
    identity: null,
  };
}

/** `refused tls from=127.0.0.1:5555 code=certificate-revoked cert=3f2a9c1e… subject="CN=…": …` */
function refusalLine(decision: TlsDecision): string {
  const leaf = decision.chain[0];
  const cert = leaf
    ? ` cert=${shortId(leaf.certificateId)} subject=${JSON.stringify(leaf.subject)}`
    : '';
  const alert = decision.alert ? ` alert=${decision.alert.name}` : '';
  return `refused tls from=${decision.from} code=${decision.failure!.code}${alert}${cert}: ${oneLine(decision.failure!.message)}`;
}

/** The refusal on the lab's event stream; the MQTT client ID is not known yet, so it is empty. */
function refusalEvent(decision: TlsDecision): LabEvent {
  const code = decision.failure!.code;
  const leaf = decision.chain[0];
  return {
    type: 'refusal',
    time: decision.time,
    clientId: '',
    transport: 'mtls',
    action: 'connect',
    target: leaf ? `certificate ${leaf.certificateId}` : 'no certificate',
    refusal: {
      code,
      title: diagnoseFailure(code).title,
      message: decision.failure!.message,
      ...(RULES[code] ? { rule: RULES[code] } : {}),
    },
  };
}

// Subjects and messages come from certificates the device chose; one event stays one line.
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is escaped
  return text.replace(
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const now = () => new Date().toISOString();
