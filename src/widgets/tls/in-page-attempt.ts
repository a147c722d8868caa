/**
 * The in-page lab's side of a mutual TLS attempt. The handshake runs in the in-page lab's worker
 * (probeInPageTls), exactly as when a device connects there: the core's model of TLS 1.3 with
 * real keys and signatures, no record layer. The registry (in this browser) also hands out the
 * lab CA as a signer, which the gallery uses to build its cases.
 */
import type { CertificateRegistry } from '../../core/lab/certificate-registry.ts';
import type { CertificateAuthority } from '../../core/pki/index.ts';
import type { DeviceTls, HandshakeReport } from '../../core/tls/index.ts';

/** The in-page registry also hands out the lab CA as a signer: it lives in this browser. */
interface SigningRegistry extends CertificateRegistry {
  labCaAuthority(): Promise<CertificateAuthority>;
}

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
      "The in-page lab's registry cannot sign, so the set-up was not built. Reload the page; if it persists, this build is broken.",
    );
  }
  return registry as SigningRegistry;
}

/** The modelled handshake of `device` with the in-page lab's broker, at `at` (default now). */
export async function attemptInPage(device: DeviceTls, at?: Date): Promise<HandshakeReport> {
  const { probeInPageTls } = await import('../../browser/in-page-lab/in-page-tls.ts');
  return probeInPageTls(device, at);
}
