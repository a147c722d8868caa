/**
 * What the workshop's buttons do, apart from the page: make a CA, have it sign a device
 * certificate, and read certificates and keys back from the PEM kept in the browser.
 */
import { RegistryError } from '../../core/lab/certificate-registry.ts';
import { REGISTRY_ERRORS } from '../../core/lab/registry/registry-errors.ts';
import type { Certificate, CertificateAuthority, NameInput } from '../../core/pki/index.ts';
import type { KeyedCertificate, WorkshopAlgorithm } from './identity-store.ts';
import { webCrypto, type Pki } from './load-pki.ts';

/** A self-signed root CA with a new key, as PEM for the browser to keep. */
export async function makeCa(
  pki: Pki,
  algorithm: WorkshopAlgorithm,
  subject: NameInput,
): Promise<KeyedCertificate> {
  const ca = await pki.createRootCa(webCrypto(), { subject, algorithm });
  return {
    algorithm,
    certificatePem: ca.issued.pem,
    privateKeyPem: pki.privateKeyPem(ca.keyPair),
    createdAt: new Date().toISOString(),
  };
}

/** A new key pair, and a device certificate for it signed by the learner's CA. */
export async function issueDevice(
  pki: Pki,
  ca: KeyedCertificate,
  algorithm: WorkshopAlgorithm,
  subject: NameInput,
): Promise<KeyedCertificate> {
  const crypto = webCrypto();
  const issuer = await authorityOf(pki, ca);
  const keyPair = await pki.generateKeyPair(crypto, algorithm);
  const issued = await pki.issueCertificate(crypto, {
    role: 'device',
    subject,
    publicKey: keyPair,
    issuer,
  });
  return {
    algorithm,
    certificatePem: issued.pem,
    privateKeyPem: pki.privateKeyPem(keyPair),
    createdAt: new Date().toISOString(),
  };
}

/** The CA as the issuer needs it: its certificate and the key pair from its saved key. */
export async function authorityOf(pki: Pki, ca: KeyedCertificate): Promise<CertificateAuthority> {
  return {
    certificate: certificateOf(pki, ca.certificatePem),
    keyPair: await pki.importPrivateKey(webCrypto(), ca.privateKeyPem),
  };
}

/** The first certificate in a PEM text; throws with the decoder's words when there is none. */
export function certificateOf(pki: Pki, pem: string): Certificate {
  const result = pki.decodeSync(pem);
  for (const block of result.blocks) {
    if (block.status === 'decoded' && block.object.kind === 'certificate') return block.object;
  }
  const rejected = result.blocks.find((b) => b.status === 'rejected');
  const why =
    rejected?.status === 'rejected'
      ? rejected.problem.message
      : (result.problem?.message ?? 'no CERTIFICATE block');
  throw new Error(`The saved certificate could not be read: ${why}`);
}

/** A learner-facing title and message for anything a button's work can throw. */
export function describeError(error: unknown): { title: string; message: string } {
  if (error instanceof Error && 'title' in error && typeof error.title === 'string') {
    return { title: error.title, message: error.message };
  }
  if (error instanceof RegistryError) {
    const known = REGISTRY_ERRORS[error.code as keyof typeof REGISTRY_ERRORS];
    return { title: known?.title ?? 'The lab refused', message: error.message };
  }
  if (error instanceof Error) return { title: 'Something went wrong', message: error.message };
  return { title: 'Something went wrong', message: String(error) };
}
