/**
 * Shared by the TLS tests: a lab with a registry in memory, its CA as a signer, and the
 * broker's certificate issued by that CA, as the in-page lab's worker sets itself up.
 */
import { createCertificateRegistry, memoryStorage } from '../../../src/core/lab/registry/index.ts';
import type { CryptoPort } from '../../../src/core/pki/index.ts';
import { issueLabServerCertificate } from '../../../src/core/tls/lab-server-certificate.ts';

export const crypto: CryptoPort = globalThis.crypto;

export async function memoryLab() {
  const registry = createCertificateRegistry(memoryStorage(), crypto, () => new Date());
  const ca = await registry.labCaAuthority();
  const server = await issueLabServerCertificate(crypto, ca);
  return { registry, ca, server };
}
