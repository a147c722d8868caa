/**
 * What a certificate or CSR will contain, decided in the core and handed to an encoder: node-forge
 * for RSA, @peculiar/x509 for ECDSA. Both encoders read the same template, so the profile rules
 * (string types, positive serials, extensions) live in one place.
 */
import type { Bytes } from './crypto-port.ts';
import type { KeyUsageName } from './extensions.ts';
import type { KeyPair } from './key-pair.ts';

/** One attribute of a name with the string type to encode it as. */
export interface NameAttributeValue {
  oid: string;
  value: string;
  stringType: string;
}

export interface NameTemplate {
  /** RDNs in encoded order. */
  rdns: NameAttributeValue[][];
  /** The exact DER, when the name is copied from a CSR or an issuer certificate. */
  der?: Bytes;
}

export interface SubjectAltNameEntry {
  type: 'dns' | 'ip';
  value: string;
}

export interface ExtensionTemplate {
  basicConstraints: { cA: boolean; pathLenConstraint?: number };
  keyUsage: KeyUsageName[];
  extKeyUsage?: ('serverAuth' | 'clientAuth')[];
  subjectAltName?: SubjectAltNameEntry[];
  subjectKeyIdentifier: Bytes;
  /** Absent on a self-signed root, where it would repeat subjectKeyIdentifier. */
  authorityKeyIdentifier?: Bytes;
}

export interface CertificateTemplate {
  /** INTEGER content: positive, minimal, with a 0x00 sign byte where needed. */
  serialNumber: Bytes;
  subject: NameTemplate;
  issuer: NameTemplate;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo DER of the key being certified. */
  subjectPublicKey: Bytes;
  extensions: ExtensionTemplate;
}

export interface RequestTemplate {
  subject: NameTemplate;
  keyPair: KeyPair;
  subjectAltName?: SubjectAltNameEntry[];
}

/** An encoder turns a template into signed DER. */
export interface CertificateEncoder {
  createCertificate(template: CertificateTemplate, signer: KeyPair): Promise<Bytes>;
  createCertificationRequest(template: RequestTemplate): Promise<Bytes>;
}
