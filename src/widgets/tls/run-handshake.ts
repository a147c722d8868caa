/**
 * Runs one mutual TLS attempt against the lab the learner picked and returns its report:
 * the in-page lab's model of TLS 1.3 (emulated, in this page), or the lab server's real TLS
 * (POST /api/tls/probe). Loaded on first use, with the TLS model, never with the page.
 */
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import type { LabKind } from '../pki/use-registry.ts';

/** What the device presents and trusts. */
export interface DeviceMaterials {
  /** The device certificate, optionally followed by intermediates, PEM. */
  certificatePem: string;
  /** Its private key, PKCS #8 PEM; '' for a device that sends no certificate. */
  privateKeyPem: string;
  /** The CA the device trusts for the broker's certificate; default: the lab's CA. */
  caPem?: string;
  /** The name the device dials; default `localhost`. */
  serverName?: string;
  /** Model only: CAs the device holds but does not send, so the report can name them. */
  unsentPem?: string;
}

export interface AttemptOptions {
  /** The broker's clock, for the validity checks; default now. Only the in-page model moves it. */
  at?: Date;
}

/** A lab that cannot run this kind of attempt (yet): said to the learner, never faked. */
export class AttemptUnavailable extends Error {
  override name = 'AttemptUnavailable';
  readonly title: string;
  constructor(title: string, message: string) {
    super(message);
    this.title = title;
  }
}

export async function runAttempt(
  lab: { kind: LabKind; url: string },
  materials: DeviceMaterials,
  options: AttemptOptions = {},
): Promise<HandshakeReport> {
  if (lab.kind === 'lab-server') return probeLabServer(lab.url, materials);
  return probeInPage(materials, options);
}

async function probeInPage(
  materials: DeviceMaterials,
  options: AttemptOptions,
): Promise<HandshakeReport> {
  const { attemptInPage } = await import('./in-page-attempt.ts');
  return attemptInPage(
    {
      certificatePem: materials.certificatePem,
      privateKeyPem: materials.privateKeyPem,
      ...(materials.serverName ? { serverName: materials.serverName } : {}),
      ...(materials.unsentPem ? { unsentPem: materials.unsentPem } : {}),
    },
    options.at,
  );
}

/** The lab server's real handshake with these materials, against its own mutual TLS listener. */
async function probeLabServer(
  websocketUrl: string,
  materials: DeviceMaterials,
): Promise<HandshakeReport> {
  const origin = new URL(websocketUrl).origin.replace(/^ws/, 'http');
  let response: Response;
  try {
    response = await fetch(new URL('/api/tls/probe', origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // unsentPem is the model's alone: a real TLS client has nowhere to put it.
      body: JSON.stringify({
        certificatePem: materials.certificatePem,
        privateKeyPem: materials.privateKeyPem,
        caPem: materials.caPem,
        serverName: materials.serverName,
      }),
    });
  } catch (error) {
    throw new AttemptUnavailable(
      'The lab server did not answer',
      `The request to ${origin}/api/tls/probe failed (${String(error)}). Check that npm start is still running, then try again.`,
    );
  }
  if (response.status === 404) {
    throw new AttemptUnavailable(
      'This lab server cannot probe TLS yet',
      `${origin} has no /api/tls/probe, so no real handshake was run. Update the course and restart npm start.`,
    );
  }
  const body = (await response.json().catch(() => null)) as
    | HandshakeReport
    | { error?: string }
    | null;
  if (!response.ok || !body || !('steps' in body)) {
    const said = body && 'error' in body && body.error ? body.error : `HTTP ${response.status}`;
    throw new AttemptUnavailable('The lab server refused the probe', `${said}.`);
  }
  return body;
}
