/**
 * The part of node-forge the forge adapter uses, typed here rather than through
 * @types/node-forge, whose `/// <reference types="node" />` would give the platform-free core
 * Node's globals. Byte strings are forge's binary strings (one char per byte).
 */

export interface ForgeAsn1 {
  tagClass: number;
  type: number;
  constructed: boolean;
  value: string | ForgeAsn1[];
}

export interface ForgeByteBuffer {
  getBytes(): string;
}

export interface ForgeMessageDigest {
  update(bytes: string): ForgeMessageDigest;
  digest(): ForgeByteBuffer;
}

export interface ForgeRsaPrivateKey {
  n: unknown;
  e: unknown;
}

export interface ForgeRsaPublicKey {
  n: unknown;
  e: unknown;
}

/** A name attribute; `valueTagClass` picks the ASN.1 string type. */
export interface ForgeNameAttribute {
  type: string;
  value: string;
  valueTagClass: number;
}

/** An extension as forge's encoders take it: a name and the fields that name expects. */
export interface ForgeExtension {
  name: string;
  critical?: boolean;
  [field: string]: unknown;
}

export interface ForgeCertificate {
  serialNumber: string;
  validity: { notBefore: Date; notAfter: Date };
  publicKey: ForgeRsaPublicKey;
  setSubject(attributes: ForgeNameAttribute[]): void;
  setIssuer(attributes: ForgeNameAttribute[]): void;
  setExtensions(extensions: ForgeExtension[]): void;
  sign(key: ForgeRsaPrivateKey, md: ForgeMessageDigest): void;
}

export interface ForgeCertificationRequest {
  publicKey: ForgeRsaPublicKey;
  setSubject(attributes: ForgeNameAttribute[]): void;
  setAttributes(attributes: { name: string; extensions: ForgeExtension[] }[]): void;
  sign(key: ForgeRsaPrivateKey, md: ForgeMessageDigest): void;
}

export interface Forge {
  asn1: {
    Class: { UNIVERSAL: number; CONTEXT_SPECIFIC: number };
    Type: { OCTETSTRING: number; UTF8: number; PRINTABLESTRING: number; IA5STRING: number };
    fromDer(bytes: string, options?: { strict?: boolean; parseAllBytes?: boolean }): ForgeAsn1;
    toDer(node: ForgeAsn1): ForgeByteBuffer;
    create(
      tagClass: number,
      type: number,
      constructed: boolean,
      value: string | ForgeAsn1[],
    ): ForgeAsn1;
  };
  pki: {
    privateKeyFromAsn1(node: ForgeAsn1): ForgeRsaPrivateKey;
    publicKeyFromAsn1(node: ForgeAsn1): ForgeRsaPublicKey;
    createCertificate(): ForgeCertificate;
    certificateToAsn1(certificate: ForgeCertificate): ForgeAsn1;
    certificateFromAsn1(node: ForgeAsn1): ForgeCertificate;
    createCertificationRequest(): ForgeCertificationRequest;
    certificationRequestToAsn1(request: ForgeCertificationRequest): ForgeAsn1;
    decryptPrivateKeyInfo(node: ForgeAsn1, password: string): ForgeAsn1 | null;
  };
  pkcs12: {
    toPkcs12Asn1(
      key: ForgeRsaPrivateKey,
      certificates: ForgeCertificate[],
      password: string,
      options: {
        algorithm: 'aes128' | 'aes192' | 'aes256' | '3des';
        prfAlgorithm?: 'sha1' | 'sha256';
        count?: number;
        friendlyName?: string;
        generateLocalKeyId?: boolean;
      },
    ): ForgeAsn1;
  };
  md: { sha256: { create(): ForgeMessageDigest } };
}

declare const forge: Forge;
export default forge;
