/**
 * Collects the steps of a modelled handshake and ends it the way TLS does: at the first
 * failure, with the alert as the last step (or, for the lab's registry check, with no alert).
 */
import { toHex } from '../pki/bytes.ts';
import type {
  DeviceIdentity,
  HandshakeCheck,
  HandshakeFailure,
  HandshakeReport,
  HandshakeStep,
  Side,
} from './handshake-report.ts';
import { alertOf, type TlsAlertName } from './tls-alerts.ts';

export const MODEL_PROTOCOL = 'TLSv1.3 (model)';
export const MODEL_CIPHER = 'TLS_AES_128_GCM_SHA256';

export const MODEL_NOTES = [
  'This handshake is a model of TLS 1.3 that runs in the page: its messages are not sent over a network and there is no record layer, so nothing is encrypted.',
  'Real in it: the randoms and key-share points, every certificate check (chain, validity at the chosen time, server name, key usages), and both CertificateVerify signatures, made with the private keys over the content RFC 8446 §4.4.3 defines and checked with the certificates’ public keys.',
  'Modelled: the transcript hash is SHA-256 over the model’s own encoding of each message (type, length, then label and value fields) rather than TLS wire bytes; no secret is derived from the key shares, and each Finished is an HMAC-SHA-256 with a random key per handshake instead of one derived with HKDF.',
];

export interface StepInput {
  message: string;
  from: Side;
  summary: string;
  carries?: [label: string, value: string][];
  checks?: HandshakeCheck[];
  transcriptHash?: Uint8Array;
}

export class ReportBuilder {
  readonly steps: HandshakeStep[] = [];

  add(input: StepInput): void {
    const step: HandshakeStep = {
      message: input.message,
      from: input.from,
      summary: input.summary,
      carries: (input.carries ?? []).map(([label, value]) => ({ label, value })),
      checks: input.checks ?? [],
    };
    if (input.transcriptHash) step.transcriptHash = toHex(input.transcriptHash);
    this.steps.push(step);
  }

  /** Ends with a fatal alert from `by`, which is the last step. */
  alert(by: Side, name: TlsAlertName, failure: HandshakeFailure, message: string): HandshakeReport {
    const alert = alertOf(by, name);
    this.add({
      message: 'Alert',
      from: by,
      summary: `The ${by === 'server' ? 'broker' : 'device'} ends the handshake with a fatal alert; nothing after it is sent.`,
      carries: [
        ['level', 'fatal (2)'],
        ['description', `${alert.name} (${alert.code})`],
      ],
    });
    return this.report({
      outcome: 'failed',
      alert,
      failure: { code: failure, message },
      identity: null,
    });
  }

  /** Ends without an alert: the broker closes the connection after the handshake. */
  closed(failure: HandshakeFailure, message: string): HandshakeReport {
    return this.report({
      outcome: 'failed',
      alert: null,
      failure: { code: failure, message },
      identity: null,
    });
  }

  connected(identity: DeviceIdentity): HandshakeReport {
    return this.report({ outcome: 'connected', alert: null, failure: null, identity });
  }

  private report(
    end: Pick<HandshakeReport, 'outcome' | 'alert' | 'failure' | 'identity'>,
  ): HandshakeReport {
    return {
      mode: 'emulated',
      protocol: MODEL_PROTOCOL,
      cipher: MODEL_CIPHER,
      steps: this.steps,
      ...end,
      notes: MODEL_NOTES,
    };
  }
}
