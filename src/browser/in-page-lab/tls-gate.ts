/**
 * The in-page broker's side of mutual TLS, run in the lab's worker: it answers a device's
 * handshake with the broker certificate kept in IndexedDB, trusts the registry's ACTIVE CAs and
 * looks certificates up in the registry, read from the same database. It only reads: the page
 * issues the broker's certificate (in-page-tls.ts), so no certificate writer is bundled here.
 */
import type { CertificateRegistry } from '../../core/lab/certificate-registry.ts';
import type { RegistryState } from '../../core/lab/registry/registry-state.ts';
// Single files, never the PKI index or decoder: Vite bundles the worker as one file (iife),
// which cannot hold a dynamic import(), and those load node-forge and @peculiar/x509 with one.
import type { Certificate } from '../../core/pki/certificate.ts';
import type { CryptoPort } from '../../core/pki/crypto-port.ts';
import { readPrivateKey } from '../../core/tls/handshake-input.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import { certificatesFromPem } from '../../core/tls/pem-input.ts';
import { emulateLabHandshake, type DeviceTls } from '../../core/tls/lab-handshake.ts';
import type { LabServerCredentials } from '../../core/tls/lab-server-certificate.ts';
import { loadBrokerCredentials } from './broker-credentials.ts';
import type { RegistryStore } from './registry-store.ts';

export interface TlsGate {
  /** The modelled handshake of a device with the in-page broker, at `at` (default now). */
  handshake(tls: DeviceTls, at?: Date): Promise<HandshakeReport>;
}

type RegistryReads = Pick<CertificateRegistry, 'labCa' | 'listCas' | 'listCertificates'>;

export function createTlsGate(
  store: () => Promise<RegistryStore>,
  crypto: CryptoPort = globalThis.crypto,
): TlsGate {
  const registry = registryReads(store);
  // The imported key of the broker's certificate, per certificate, so each handshake does not
  // import it again.
  let server: { pem: string; credentials: Promise<LabServerCredentials> } | null = null;

  const credentials = async (): Promise<LabServerCredentials> => {
    const [record, labCa] = await Promise.all([
      loadBrokerCredentials(await store()),
      registry.labCa(),
    ]);
    if (!record || record.caCertificateId !== labCa.caCertificateId) {
      throw new Error(
        'The in-page broker has no certificate from the current lab CA yet. Connect through the course ' +
          '(which issues one first), or reload the page.',
      );
    }
    if (server?.pem !== record.certificatePem) {
      const made = readPrivateKey(crypto, record.privateKeyPem).then((keyPair) => ({
        certificates: certificatesIn(record.certificatePem),
        keyPair,
        pem: record.certificatePem,
      }));
      made.catch(() => (server = null));
      server = { pem: record.certificatePem, credentials: made };
    }
    return server.credentials;
  };

  return {
    handshake: async (tls, at) =>
      emulateLabHandshake(crypto, { registry, server: await credentials() }, tls, at),
  };
}

/** The three reads a handshake needs, straight from the registry's saved state. */
function registryReads(store: () => Promise<RegistryStore>): RegistryReads {
  const state = async (): Promise<RegistryState> => {
    // The record indexeddb-storage.ts writes; read here without the registry's writing code.
    const saved = await (await store()).get('certificate-registry', 'state');
    if (!saved) {
      throw new Error(
        'The in-page registry is empty: the lab CA has not been made yet. Reload the page and try again.',
      );
    }
    return saved;
  };
  return {
    labCa: async () => {
      const saved = await state();
      const ca = saved.cas.find((c) => c.caCertificateId === saved.labCa?.caCertificateId);
      if (!ca)
        throw new Error('The in-page registry has no lab CA yet. Reload the page and try again.');
      return ca;
    },
    listCas: async () => (await state()).cas,
    listCertificates: async () => (await state()).certificates,
  };
}

function certificatesIn(pem: string): Certificate[] {
  return certificatesFromPem(pem, "the in-page broker's certificate");
}
