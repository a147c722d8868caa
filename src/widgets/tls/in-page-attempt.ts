/**
 * The in-page lab's side of a mutual TLS attempt: its registry (in this browser), its CA as the
 * signer, and a broker certificate that CA issues for localhost and 127.0.0.1, made once per
 * page. The handshake itself is the core's model (emulateLabHandshake): real keys and
 * signatures, no record layer.
 */
import type { CertificateRegistry } from '../../core/lab/certificate-registry.ts';
import type { CertificateAuthority } from '../../core/pki/index.ts';
import {
  emulateLabHandshake,
  issueLabServerCertificate,
  type DeviceTls,
  type HandshakeReport,
  type LabServerCredentials,
} from '../../core/tls/index.ts';
import { webCrypto } from '../pki/load-pki.ts';

/** The in-page registry also hands out the lab CA as a signer: it lives in this browser. */
interface SigningRegistry extends CertificateRegistry {
  labCaAuthority(): Promise<CertificateAuthority>;
}

let broker: Promise<LabServerCredentials> | null = null;

export async function inPageRegistry(): Promise<SigningRegistry> {
  const { registryFor } = await import('../../browser/registry/registry-for.ts');
  const registry = registryFor({
    kind: 'in-page',
    label: 'In-page lab',
    url: 'in-page://lab',
    explains: true,
  }) as Partial<SigningRegistry> & CertificateRegistry;
  if (typeof registry.labCaAuthority !== 'function') {
    throw new Error(
      "The in-page lab's registry cannot sign, so no handshake was modelled. Reload the page; if it persists, this build is broken.",
    );
  }
  return registry as SigningRegistry;
}

/** The modelled handshake of `device` with the in-page lab's broker, at `at` (default now). */
export async function attemptInPage(device: DeviceTls, at?: Date): Promise<HandshakeReport> {
  const registry = await inPageRegistry();
  const crypto = webCrypto();
  broker ??= registry
    .labCaAuthority()
    .then((ca) => issueLabServerCertificate(crypto, ca))
    .catch((error: unknown) => {
      broker = null;
      throw error;
    });
  return emulateLabHandshake(crypto, { registry, server: await broker }, device, at);
}
