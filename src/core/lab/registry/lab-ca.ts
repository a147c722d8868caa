/**
 * The lab's own CA, which plays the part of the Amazon CA that signs certificates made by
 * CreateKeysAndCertificate and CreateCertificateFromCsr (spec §7.2, "AWS-generated"). It is
 * made on first use, registered ACTIVE, and its private key stays in the registry's state.
 */
import {
  createLabCa,
  importPrivateKey,
  privateKeyPem,
  readCertificate,
  type CertificateAuthority,
  type CryptoPort,
} from '../../pki/index.ts';
import type { CaRecord } from '../certificate-registry.ts';
import { caRecord, readCertificatePem } from './records.ts';
import type { RegistryState } from './registry-state.ts';

/** The root's organisation; its subject is `CN=Handshake Lab Root CA,O=Handshake Lab`. */
export const LAB_CA_ORGANIZATION = 'Handshake Lab';

/** Makes the lab CA and adds it to `state`; returns its record. */
export async function makeLabCa(
  crypto: CryptoPort,
  state: RegistryState,
  now: Date,
): Promise<CaRecord> {
  const { root } = await createLabCa(crypto, { organization: LAB_CA_ORGANIZATION });
  const record = await caRecord(crypto, readCertificate(root.issued.der), {
    status: 'ACTIVE',
    isLabCa: true,
    now,
  });
  state.labCa = {
    caCertificateId: record.caCertificateId,
    privateKeyPem: privateKeyPem(root.keyPair),
  };
  state.cas.push(record);
  return record;
}

export function labCaRecord(state: RegistryState): CaRecord | undefined {
  const id = state.labCa?.caCertificateId;
  return state.cas.find((ca) => ca.caCertificateId === id);
}

/**
 * The lab CA as a signer, from its certificate and stored key. Kept per CA ID, as importing the
 * key on every call would cost a WebCrypto round trip for nothing.
 */
export function labCaSigner(crypto: CryptoPort) {
  const cache = new Map<string, Promise<CertificateAuthority>>();

  return (state: RegistryState, record: CaRecord): Promise<CertificateAuthority> => {
    const key = state.labCa!.privateKeyPem;
    let signer = cache.get(record.caCertificateId);
    if (!signer) {
      signer = importPrivateKey(crypto, key).then((keyPair) => ({
        certificate: readCertificatePem(record.pem, 'the lab CA certificate'),
        keyPair,
      }));
      // A failed import is not kept, so the next call tries again.
      signer.catch(() => cache.delete(record.caCertificateId));
      cache.set(record.caCertificateId, signer);
    }
    return signer;
  };
}
