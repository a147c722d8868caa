/**
 * Makes the learner's own CA and the device certificate it signed acceptable to a lab, as AWS
 * IoT's bring-your-own-CA flow does (register-CA-cert, register-device-cert): the CA registered
 * ACTIVE, then the certificate registered ACTIVE. What is already there is set ACTIVE instead.
 */
import type { CertificateRegistry } from '../../core/lab/certificate-registry.ts';
import { RegistryError } from '../../core/lab/certificate-registry.ts';
import { loadPki, webCrypto } from '../pki/load-pki.ts';

export async function registerOwnDevice(
  registry: CertificateRegistry,
  caPem: string,
  certificatePem: string,
): Promise<void> {
  await registerCa(registry, caPem);
  try {
    await registry.registerCertificate({ pem: certificatePem, status: 'ACTIVE' });
  } catch (error) {
    if (!(error instanceof RegistryError) || error.code !== 'certificate-exists') throw error;
    const id = await idOf(certificatePem);
    const found = (await registry.listCertificates()).find((c) => c.certificateId === id);
    // REVOKED is final (API_UpdateCertificate), so it is left for the doctor to explain.
    if (found && found.status !== 'ACTIVE' && found.status !== 'REVOKED') {
      await registry.updateCertificate(found.certificateId, 'ACTIVE');
    }
  }
}

async function registerCa(registry: CertificateRegistry, caPem: string): Promise<void> {
  try {
    await registry.registerCa(caPem, 'ACTIVE');
  } catch (error) {
    if (!(error instanceof RegistryError) || error.code !== 'ca-exists') throw error;
    const id = await idOf(caPem);
    const found = (await registry.listCas()).find((ca) => ca.caCertificateId === id);
    if (found && found.status !== 'ACTIVE') await registry.setCaStatus(id, 'ACTIVE');
  }
}

/** The ID AWS IoT shows for a certificate: SHA-256 of the DER in its first PEM block. */
async function idOf(pem: string): Promise<string> {
  const { certificateId, parsePem } = await loadPki();
  const first = parsePem(pem).entries[0];
  if (first?.status !== 'read') throw new Error('The saved certificate is not readable PEM.');
  return certificateId(webCrypto(), first.block.der);
}
