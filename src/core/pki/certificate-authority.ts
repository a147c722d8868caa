/**
 * The lab's certificate authorities: a self-signed root, and optionally an intermediate that
 * the root signs and that signs device certificates.
 */
import type { CryptoPort } from './crypto-port.ts';
import type { NameInput } from './name-input.ts';
import {
  issueCertificate,
  type CertificateAuthority,
  type IssuedCertificate,
} from './issue-certificate.ts';
import { generateKeyPair, type KeyAlgorithm, type KeyPair } from './key-pair.ts';

export interface CaOptions {
  subject: NameInput;
  /** Default: a new key of `algorithm`. */
  keyPair?: KeyPair;
  /** Default: P-256. */
  algorithm?: KeyAlgorithm;
  notBefore?: Date;
  notAfter?: Date;
  /** Default: unlimited for a root, 0 for an intermediate. */
  pathLength?: number;
}

/** A CA and the PEM of its certificate, ready to sign and to publish. */
export interface IssuedAuthority extends CertificateAuthority {
  issued: IssuedCertificate;
}

export async function createRootCa(
  crypto: CryptoPort,
  options: CaOptions,
): Promise<IssuedAuthority> {
  const keyPair = options.keyPair ?? (await generateKeyPair(crypto, options.algorithm ?? 'P-256'));
  const issued = await issueCertificate(crypto, {
    role: 'root-ca',
    subject: options.subject,
    publicKey: keyPair,
    ...dates(options),
  });
  return { certificate: issued.certificate, keyPair, issued };
}

export async function createIntermediateCa(
  crypto: CryptoPort,
  issuer: CertificateAuthority,
  options: CaOptions,
): Promise<IssuedAuthority> {
  const keyPair = options.keyPair ?? (await generateKeyPair(crypto, options.algorithm ?? 'P-256'));
  const issued = await issueCertificate(crypto, {
    role: 'intermediate-ca',
    subject: options.subject,
    publicKey: keyPair,
    issuer,
    ...dates(options),
  });
  return { certificate: issued.certificate, keyPair, issued };
}

export interface LabCa {
  root: IssuedAuthority;
  intermediate?: IssuedAuthority;
  /** The CA that signs device certificates: the intermediate when there is one. */
  signer: IssuedAuthority;
}

/** A root named "<organization> Root CA", and with `intermediate`, a "<organization> Device CA". */
export async function createLabCa(
  crypto: CryptoPort,
  options: { organization?: string; algorithm?: KeyAlgorithm; intermediate?: boolean } = {},
): Promise<LabCa> {
  const organization = options.organization ?? 'Handshake Lab';
  const algorithm = options.algorithm ?? 'P-256';
  const root = await createRootCa(crypto, {
    subject: { O: organization, CN: `${organization} Root CA` },
    algorithm,
  });
  if (!options.intermediate) return { root, signer: root };

  const intermediate = await createIntermediateCa(crypto, root, {
    subject: { O: organization, CN: `${organization} Device CA` },
    algorithm,
  });
  return { root, intermediate, signer: intermediate };
}

function dates(options: CaOptions) {
  return {
    ...(options.notBefore ? { notBefore: options.notBefore } : {}),
    ...(options.notAfter ? { notAfter: options.notAfter } : {}),
    ...(options.pathLength === undefined ? {} : { pathLength: options.pathLength }),
  };
}
