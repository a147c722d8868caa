/**
 * A real mutual TLS handshake made as a device makes it, with Node's TLS client, reported as a
 * HandshakeReport in 'real' mode (src/core/tls/handshake-report.ts). The probe:
 *   1. reads what the device holds (its certificate file, key, and the CA it trusts)
 *   2. has Node load them, as any TLS client must first (a key that is not the certificate's
 *      own stops here, before any connection)
 *   3. connects, completes the handshake, checks the broker's certificate and name, then sends
 *      MQTT CONNECT and waits for CONNACK or the broker closing the connection
 *   4. asks the lab for its record of the connection, when the broker is the lab (the lab's
 *      TLS sends no alert for a chain it refuses, and its registry refuses after the handshake)
 *   5. writes the report of what was observed (probe-report.ts)
 * It is used by `handshake tls probe` and by POST /api/tls/probe.
 */
import { createPrivateKey, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import {
  checkServerIdentity,
  connect,
  createSecureContext,
  type PeerCertificate,
  type SecureContext,
} from 'node:tls';
import { readCertificate, type Certificate } from '../../core/pki/index.ts';
import { HandshakeInputError, readCertificateChain } from '../../core/tls/handshake-input.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import { encodeConnect, DISCONNECT, readConnack } from './mqtt-connect.ts';
import { isKeyMismatch, receivedAlert, type NodeError } from './openssl-errors.ts';
import { reportOf, type Observed } from './probe-report.ts';
import type { TlsDecision } from './tls-decision.ts';

export interface ProbeRequest {
  /** The device's certificate file: the certificate, then any intermediates, PEM. '' sends none. */
  certificatePem: string;
  /** Its private key, PEM (PKCS #8, PKCS #1 or SEC1). '' when no certificate is sent. */
  privateKeyPem: string;
  /** The CA certificate(s) the device trusts for the broker's certificate, PEM. */
  caPem: string;
  host: string;
  port: number;
  /** The name the device checks the broker's certificate for, and sends as SNI. Default: `host`. */
  serverName?: string;
  /** MQTT client ID of the CONNECT that ends the probe. Default: `handshake-probe-` and 8 hex digits. */
  clientId?: string;
  /** The whole attempt's limit. Default: 10 s. */
  timeoutMs?: number;
  /** Where to ask what the broker decided, when it is the lab. Default: nobody. */
  lab?: LabRecords;
}

/** The lab's record of a connection, by the device's `address:port` (tls-decision.ts). */
export interface LabRecords {
  /** Where the record comes from, in words for the report, e.g. "the lab server's own record". */
  source: string;
  decision(from: { address: string; port: number }): Promise<TlsDecision | null>;
}

export { HandshakeInputError };

export async function probeHandshake(request: ProbeRequest): Promise<HandshakeReport> {
  const device = readDevice(request);
  const loaded = loadIntoNode(request, device.chain.length > 0);
  if ('refusal' in loaded)
    return await reportOf({ ...base(request, device), loadRefusal: loaded.refusal });

  const seen = await connectAndObserve(request, loaded.context);
  // A device that hung up on the broker learns nothing more from it.
  const asked = seen.local && seen.tls && !seen.deviceStopped;
  const lab = asked ? await askLab(request.lab, seen.local!) : null;
  return await reportOf({
    ...base(request, device),
    ...seen,
    lab,
    labSource: request.lab?.source ?? null,
  });
}

/** Step 1: the files, read as the device's TLS library would need them. */
function readDevice(request: ProbeRequest): { chain: Certificate[]; ca: Certificate[] } {
  const chain = readCertificateChain(request.certificatePem, "the device's certificate file");
  if (chain.length > 0) readKey(request.privateKeyPem);
  else if (request.privateKeyPem.trim() !== '') {
    throw new HandshakeInputError(
      'certificate-unreadable',
      'A private key was given without a certificate. Give the device certificate that goes with it.',
    );
  }

  const ca = readCertificateChain(request.caPem, 'the CA file');
  if (ca.length === 0) {
    throw new HandshakeInputError(
      'certificate-unreadable',
      "The CA file is empty. Give the CA that issued the broker's certificate (the lab CA: ca/lab-root-ca.pem).",
    );
  }
  return { chain, ca };
}

function readKey(pem: string): void {
  if (pem.trim() === '') {
    throw new HandshakeInputError(
      'private-key-missing',
      'A device that sends a certificate must also have its private key, to sign CertificateVerify. Give the key file made with the certificate.',
    );
  }
  try {
    createPrivateKey(pem);
  } catch (error) {
    throw new HandshakeInputError(
      'private-key-unreadable',
      `The device's private key cannot be read: ${(error as Error).message}. Give the PEM key file made with the certificate.`,
    );
  }
}

/** Step 2: Node's TLS context for the device; a mismatched key is a refusal, not bad input. */
function loadIntoNode(
  request: ProbeRequest,
  withCertificate: boolean,
): { context: SecureContext } | { refusal: string } {
  try {
    return {
      context: createSecureContext({
        ca: request.caPem,
        ...(withCertificate ? { cert: request.certificatePem, key: request.privateKeyPem } : {}),
        minVersion: 'TLSv1.2',
      }),
    };
  } catch (error) {
    if (isKeyMismatch(error as NodeError)) return { refusal: (error as Error).message };
    throw new HandshakeInputError(
      'certificate-unreadable',
      `Node's TLS could not load the files: ${(error as Error).message}.`,
    );
  }
}

type Seen = Pick<
  Observed,
  'local' | 'tls' | 'alert' | 'error' | 'deviceStopped' | 'connack' | 'timedOut' | 'clientId'
>;

/** Step 3: the connection, watched from the device's side. */
function connectAndObserve(request: ProbeRequest, context: SecureContext): Promise<Seen> {
  const serverName = request.serverName ?? request.host;
  const clientId = request.clientId ?? `handshake-probe-${randomBytes(4).toString('hex')}`;
  const seen: Seen = {
    local: null,
    tls: null,
    alert: null,
    error: null,
    deviceStopped: false,
    connack: null,
    timedOut: false,
    clientId,
  };

  return new Promise((resolve) => {
    const socket = connect({
      host: request.host,
      port: request.port,
      secureContext: context,
      // RFC 6066 §3: server_name holds host names only, so an IP address is not sent.
      ...(isIP(serverName) ? {} : { servername: serverName }),
      // The probe makes the device's checks itself, so that it can report each one.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    const timer = setTimeout(() => {
      seen.timedOut = true;
      socket.destroy();
    }, request.timeoutMs ?? 10_000);
    let received = Buffer.alloc(0);

    socket.once('connect', () => {
      seen.local = { address: socket.localAddress ?? '', port: socket.localPort ?? 0 };
    });
    socket.once('secureConnect', () => {
      seen.local ??= { address: socket.localAddress ?? '', port: socket.localPort ?? 0 };
      seen.tls = tlsFacts(socket, serverName);
      const { chain, name } = seen.tls;
      if (!chain.passed || !name.passed) {
        // What a client with rejectUnauthorized does: hang up before any MQTT.
        seen.deviceStopped = true;
        socket.destroy();
        return;
      }
      socket.write(encodeConnect(clientId));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const code = readConnack(received);
      if (code === undefined || seen.connack !== null) return;
      seen.connack = code;
      socket.end(DISCONNECT);
    });
    socket.on('error', (error: Error & { code?: string }) => {
      const alert = receivedAlert(error);
      if (alert && !seen.alert) seen.alert = { by: 'server', ...alert };
      else if (!seen.error) seen.error = { code: error.code, message: error.message.trim() };
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(seen);
    });
  });
}

/** What Node reports once the handshake is done, and the device's two checks of the broker. */
function tlsFacts(
  socket: ReturnType<typeof connect>,
  serverName: string,
): NonNullable<Seen['tls']> {
  const peer = socket.getPeerCertificate(true);
  const serverLeaf = peer?.raw ? readCertificate(new Uint8Array(peer.raw)) : null;
  const chainError = socket.authorizationError ? String(socket.authorizationError) : null;
  const nameError = peer?.raw ? checkServerIdentity(serverName, peer as PeerCertificate) : null;
  const group = socket.getEphemeralKeyInfo();

  return {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher()?.standardName ?? null,
    group: group && 'name' in group && group.name ? `${group.name} (${group.size} bits)` : null,
    serverLeaf,
    serverName,
    sni: isIP(serverName) ? null : serverName,
    chain: { passed: chainError === null, error: chainError },
    name: { passed: !nameError, error: nameError ? nameError.message : null },
  };
}

/** Step 4: the lab's record of this connection, or why there is none. */
async function askLab(
  lab: LabRecords | undefined,
  local: { address: string; port: number },
): Promise<TlsDecision | { unavailable: string } | null> {
  if (!lab) return null;
  try {
    return (await lab.decision(local)) ?? { unavailable: 'it has no record of this connection' };
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
}

function base(request: ProbeRequest, device: { chain: Certificate[]; ca: Certificate[] }) {
  return {
    host: request.host,
    port: request.port,
    serverName: request.serverName ?? request.host,
    deviceChain: device.chain,
    deviceCa: device.ca,
  };
}
