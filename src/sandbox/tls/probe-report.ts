/**
 * The report of a real handshake (handshake-probe.ts), from what was observed: the messages of
 * the TLS version agreed, each with what Node showed of it and each side's checks, the alert
 * or close that ended it, and the lab's own record when the broker is the lab. Nothing here is
 * assumed: a check the probe could not see is left out, and the notes say where each part
 * comes from.
 */
import type { Certificate } from '../../core/pki/index.ts';
import { describeCode, CONNACK_3 } from '../../core/mqtt/reason-codes.ts';
import { deviceIdentity } from '../../core/tls/device-identity.ts';
import type {
  DeviceIdentity,
  HandshakeAlert,
  HandshakeFailure,
  HandshakeReport,
  HandshakeStep,
} from '../../core/tls/handshake-report.ts';
import {
  describeChainError,
  failureForBrokerAlert,
  isNetworkError,
  type NodeError,
} from './openssl-errors.ts';
import {
  alertStep,
  certificateRequest,
  check,
  clientCertificate,
  clientHello,
  listedNames,
  registryStep,
  serverCertificate,
  serverFinished,
  serverHello,
  signatureScheme,
  type StepInput,
} from './probe-steps.ts';
import type { TlsDecision } from './tls-decision.ts';

/** What the probe saw of one attempt, from the device's side, and the lab's record of it. */
export interface Observed {
  host: string;
  port: number;
  serverName: string;
  /** What the device sends, leaf first; empty for none. */
  deviceChain: Certificate[];
  deviceCa: Certificate[];
  /** Node would not load the certificate with this key: its error. */
  loadRefusal?: string;
  local?: { address: string; port: number } | null;
  /** Set once the handshake completed on the device's side. */
  tls?: {
    protocol: string | null;
    cipher: string | null;
    group: string | null;
    serverLeaf: Certificate | null;
    serverName: string;
    sni: string | null;
    chain: { passed: boolean; error: string | null };
    name: { passed: boolean; error: string | null };
  } | null;
  /** The alert the broker sent. */
  alert?: HandshakeAlert | null;
  error?: NodeError | null;
  /** The device hung up because it did not accept the broker. */
  deviceStopped?: boolean;
  connack?: number | null;
  timedOut?: boolean;
  clientId?: string;
  lab?: TlsDecision | { unavailable: string } | null;
  labSource?: string | null;
}

export async function reportOf(o: Observed): Promise<HandshakeReport> {
  const steps: HandshakeStep[] = [];
  const add = (step: StepInput) =>
    steps.push({
      ...step,
      carries: (step.carries ?? []).map(([label, value]) => ({ label, value })),
      checks: step.checks ?? [],
    });
  const lab = o.lab && 'from' in o.lab ? o.lab : null;
  const end = (
    failure: HandshakeFailure | null,
    message: string,
    identity: DeviceIdentity | null = null,
  ): HandshakeReport => ({
    mode: 'real',
    protocol: o.tls?.protocol ?? null,
    cipher: o.tls?.cipher ?? null,
    outcome: failure ? 'failed' : 'connected',
    steps,
    alert: failure ? (o.alert ?? lab?.alert ?? null) : null,
    failure: failure ? { code: failure, message } : null,
    identity,
    notes: notes(o, lab),
  });

  if (o.loadRefusal) {
    return end(
      'key-mismatch',
      `Node's TLS would not load the certificate with this key ("${o.loadRefusal.trim()}"), so no ` +
        'connection was made: the key is not the one the certificate was issued for. mosquitto_pub ' +
        'stops the same way, before connecting.',
    );
  }
  if (!o.tls) return beforeHandshake(o, add, end);

  // The handshake completed on the device's side: its messages in the order the version sends
  // them (RFC 8446 §2 for TLS 1.3; RFC 5246 §7.3 for TLS 1.2, which has no server
  // CertificateVerify and where the broker's Finished comes last).
  const tls12 = o.tls.protocol === 'TLSv1.2';
  add(clientHello(o));
  add(serverHello(o));
  if (tls12) {
    add(serverCertificate(o));
    add(certificateRequest(lab));
  } else {
    add(certificateRequest(lab));
    add(serverCertificate(o));
    add({
      message: 'CertificateVerify',
      from: 'server',
      summary: 'The broker signs the handshake so far with its private key.',
      checks: [
        check(
          'client',
          'Signature over the transcript',
          true,
          "Node's TLS verified the broker's signature with the key in its certificate (the handshake would have stopped otherwise)",
        ),
      ],
    });
    add(serverFinished);
  }
  add(await clientCertificate(o, lab));
  if (o.deviceChain.length > 0) {
    add({
      message: 'CertificateVerify',
      from: 'client',
      summary:
        'The device signs the handshake with its private key, proving the certificate is its own.',
      carries: [['algorithm', signatureScheme(o.deviceChain[0]!, o.tls.protocol)]],
      checks:
        lab && lab.outcome !== 'failed'
          ? [
              check(
                'server',
                'Signature over the transcript',
                true,
                "the lab's TLS finished the handshake, so the signature verified (it sends decrypt_error otherwise)",
              ),
            ]
          : [],
    });
  }
  add({
    message: 'Finished',
    from: 'client',
    summary:
      "The device's MAC over the whole handshake; for the device, the handshake is complete.",
  });
  if (tls12) add(serverFinished);

  if (o.deviceStopped) {
    const names = listedNames(o).join(', ') || 'no DNS or IP names';
    return o.tls.chain.passed
      ? end(
          'server-name-mismatch',
          `The device dialled "${o.serverName}", and the broker's certificate names ${names}. The device closed the connection (Node's TLS client sends no alert for it).`,
        )
      : end(
          'server-untrusted',
          `The device does not trust the broker's certificate: ${describeChainError(o.tls.chain.error ?? 'unknown')}. The device closed the connection (Node's TLS client sends no alert for it).`,
        );
  }
  if (o.alert) {
    add(alertStep(o.alert));
    const failure =
      lab?.failure?.code ?? failureForBrokerAlert(o.alert.name, o.deviceChain.length > 0);
    return end(
      failure,
      lab?.failure?.message ??
        `The broker ended the handshake with ${o.alert.name} (${o.alert.code}).`,
    );
  }

  if (lab?.outcome === 'refused' && lab.failure) {
    if (lab.status !== undefined) {
      add(registryStep(lab));
      return end(lab.failure.code, lab.failure.message);
    }
    return end(
      lab.failure.code,
      `${lab.failure.message} The lab closed the connection right after the handshake, without an ` +
        "alert: Node's TLS server verifies a device's chain only once the handshake is done, and sends none.",
    );
  }
  if (lab?.status !== undefined && lab) add(registryStep(lab));

  if (o.connack === null || o.connack === undefined) {
    if (o.timedOut)
      return end('mqtt-refused', 'The broker did not answer CONNECT within the time allowed.');
    return end(
      'bad-certificate',
      'The broker closed the connection right after the handshake, without an alert and without answering ' +
        `CONNECT, so the device cannot tell why${o.lab && 'unavailable' in o.lab ? ` (the lab's record: ${o.lab.unavailable})` : ''}. ` +
        "The lab server's log says why on a 'refused tls' line.",
    );
  }

  add({
    message: 'CONNECT',
    from: 'client',
    summary: 'With TLS up, the device starts MQTT (3.1.1) over it.',
    carries: [
      ['client identifier', o.clientId ?? ''],
      ['clean session', 'true'],
    ],
  });
  const words = describeCode(CONNACK_3, o.connack);
  add({
    message: 'CONNACK',
    from: 'server',
    summary: 'The broker answers CONNECT.',
    carries: [['return code', `${o.connack} (${words.name})`]],
    checks: [check('server', 'MQTT session accepted', o.connack === 0, words.meaning)],
  });
  if (o.connack !== 0) {
    // On the lab, as on AWS IoT, return code 5 after a good handshake is the IoT policy's word.
    const policyHint =
      o.connack === 5
        ? ` No policy attached to the certificate allows iot:Connect on client/${o.clientId ?? '<client ID>'}: ` +
          'attach one (handshake cert attach-policy <certificate ID> --file policy.json, or the ' +
          "policies lesson's exercise). The lab's log line 'refused connect' names the statement " +
          'that came closest and what it lacks.'
        : '';
    return end(
      'mqtt-refused',
      `The broker answered CONNECT with ${o.connack} (${words.name}): ${words.meaning}${policyHint}`,
    );
  }

  const identity =
    lab?.identity ??
    (o.deviceChain[0] ? await deviceIdentity(globalThis.crypto, o.deviceChain[0]) : null);
  return end(null, '', identity);
}
/** No TLS session: nothing answered, the broker refused early, or it was not TLS. */
function beforeHandshake(
  o: Observed,
  add: (step: StepInput) => void,
  end: (failure: HandshakeFailure | null, message: string) => HandshakeReport,
): HandshakeReport {
  const where = `${o.host}:${o.port}`;
  if (o.error && isNetworkError(o.error)) {
    return end(
      'connection-refused',
      `Connecting to ${where} failed: ${o.error.message} (${o.error.code}). No TLS message was exchanged.`,
    );
  }
  if (!o.local)
    return end(
      'connection-refused',
      `${where} did not answer in time. No TLS message was exchanged.`,
    );

  add(clientHello(o));
  if (o.alert) {
    add(alertStep(o.alert));
    const lab = o.lab && 'from' in o.lab ? o.lab : null;
    return end(
      lab?.failure?.code ?? failureForBrokerAlert(o.alert.name, o.deviceChain.length > 0),
      lab?.failure?.message ??
        `The broker ended the handshake with ${o.alert.name} (${o.alert.code}).`,
    );
  }
  return end(
    'not-tls',
    `${where} accepted the connection but did not complete a TLS handshake (${o.error?.message ?? 'it closed the connection'}). ` +
      'Is it the MQTT over TLS port (8883 on the lab server), not the plain MQTT one?',
  );
}
function notes(o: Observed, lab: TlsDecision | null): string[] {
  const said = [
    `A real TLS handshake over the network: Node.js ${process.version} (OpenSSL ${process.versions.openssl}) as the device, to ${o.host}:${o.port}.`,
  ];
  if (o.loadRefusal || !o.tls) return said;

  said.push(
    `Node reports a handshake's outcome, not its messages: each step is a message ${o.tls.protocol ?? 'TLS'} sends, with what Node reported ` +
      '(version, cipher suite, key exchange group, the broker’s certificate). EncryptedExtensions, which carries nothing the lab uses, is left out.',
    "Node's TLS client checks the broker's certificate once the handshake is complete, after it has sent its own; OpenSSL-based clients such as mosquitto_pub stop at the broker's Certificate with an alert instead.",
  );
  if (lab) {
    said.push(
      `The broker's side of the checks comes from ${o.labSource ?? "the lab's record"} of this connection (from ${lab.from}). ` +
        'The lab verifies the device’s chain after the handshake too, and sends no alert when it refuses one: it closes the connection and records why. ' +
        'The one alert its TLS sends itself is certificate_required, to a device with no certificate.',
    );
  } else {
    said.push(
      "The broker's side is known only from what reached the device: its alerts, CONNACK, or its closing the connection.",
    );
  }
  return said;
}
