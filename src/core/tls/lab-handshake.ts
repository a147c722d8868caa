/**
 * A modelled handshake with a lab broker, wired to the lab's registry: the broker trusts the
 * registry's ACTIVE CAs and looks device certificates up in it, and the device trusts the lab
 * CA. The in-page lab's worker runs this for every mutual TLS connection; tests run it in Node.
 */
import type { CertificateRegistry } from '../lab/certificate-registry.ts';
import type { Certificate } from '../pki/certificate.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import { emulateHandshake } from './emulated-handshake.ts';
import { certificatesFromPem } from './pem-input.ts';
import type { HandshakeReport } from './handshake-report.ts';
import type { LabServerCredentials } from './lab-server-certificate.ts';
import { DEFAULT_SERVER_NAME } from './server-name.ts';

/** What a device brings to a mutual TLS connection, as PEM text. */
export interface DeviceTls {
  /** The certificate file: the device certificate, then any intermediates. Empty: none. */
  certificatePem: string;
  privateKeyPem: string;
  /** The host name the device dials. Default: localhost. */
  serverName?: string;
  /** The CA certificates the device trusts for the broker (its --cafile). Default: the lab CA. */
  caPem?: string;
  /**
   * Model-only: CA certificates the device holds but does not send, so a report can say
   * "intermediate missing" rather than "unknown CA". Default: none.
   */
  unsentPem?: string;
}

export interface LabSide {
  registry: Pick<CertificateRegistry, 'labCa' | 'listCas' | 'listCertificates'>;
  server: LabServerCredentials;
}

export async function emulateLabHandshake(
  crypto: CryptoPort,
  lab: LabSide,
  device: DeviceTls,
  at: Date = new Date(),
): Promise<HandshakeReport> {
  const [cas, labCa] = await Promise.all([lab.registry.listCas(), lab.registry.labCa()]);
  const activeCas = cas
    .filter((ca) => ca.status === 'ACTIVE')
    .map((ca) => certificatesIn(ca.pem)[0]!);

  return emulateHandshake(crypto, {
    client: {
      certificates: device.certificatePem,
      privateKey: device.privateKeyPem,
      serverName: device.serverName ?? DEFAULT_SERVER_NAME,
      trustAnchors: certificatesIn(device.caPem?.trim() ? device.caPem : labCa.pem),
    },
    server: {
      certificates: lab.server.certificates,
      privateKey: lab.server.keyPair,
      trustAnchors: activeCas,
      lookup: async (id) =>
        (await lab.registry.listCertificates()).find((c) => c.certificateId === id)?.status ?? null,
    },
    at,
    knownIntermediates: device.unsentPem ? certificatesIn(device.unsentPem) : [],
  });
}

/** The certificates of PEM text the lab wrote itself. */
function certificatesIn(pem: string): Certificate[] {
  return certificatesFromPem(pem, 'a CA certificate of the lab');
}
