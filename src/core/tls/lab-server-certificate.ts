/**
 * The broker's own certificate for a modelled handshake: issued by the lab CA for the names the
 * lab server's certificate lists too (localhost and 127.0.0.1), so a device set up for one lab
 * dials the other with the same name. It is valid for as long as its CA, so moving the
 * handshake's clock tests the device's certificate, not the broker's.
 */
import type { Certificate } from '../pki/certificate.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import { issueCertificate, type CertificateAuthority } from '../pki/issue-certificate.ts';
import { generateKeyPair, type KeyPair } from '../pki/key-pair.ts';
import { LAB_SERVER_NAMES } from './server-name.ts';

export { DEFAULT_SERVER_NAME, LAB_SERVER_NAMES } from './server-name.ts';

export interface LabServerCredentials {
  /** What the broker sends: its certificate alone (the device already holds the lab CA). */
  certificates: Certificate[];
  keyPair: KeyPair;
  /** The broker's certificate as PEM. */
  pem: string;
}

export async function issueLabServerCertificate(
  crypto: CryptoPort,
  ca: CertificateAuthority,
  names: readonly string[] = LAB_SERVER_NAMES,
): Promise<LabServerCredentials> {
  const keyPair = await generateKeyPair(crypto, 'P-256');
  const issued = await issueCertificate(crypto, {
    role: 'server',
    subject: { O: 'Handshake Lab', CN: 'Handshake Lab Broker' },
    publicKey: keyPair,
    issuer: ca,
    subjectAltNames: [...names],
    notBefore: ca.certificate.validity.notBefore,
    notAfter: ca.certificate.validity.notAfter,
  });
  return { certificates: [issued.certificate], keyPair, pem: issued.pem };
}
