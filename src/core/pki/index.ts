/**
 * Keys, certificates and chains for the course: WebCrypto keys, a lab CA, device and server
 * certificates, CSRs, PEM/DER/PKCS #12, a decoder that explains every field, and chain
 * verification with reasons. Pure: callers pass WebCrypto in (`globalThis.crypto` in the page,
 * a worker or Node 20), so the same code runs everywhere.
 */
export type { Bytes, CryptoKeyHandle, CryptoPort } from './crypto-port.ts';
export { toColonHex, toHex, fromHex } from './bytes.ts';
export {
  PKI_ERRORS,
  PKI_PROBLEMS,
  PKI_STAGES,
  PkiError,
  STAGE_TITLES,
  type PkiErrorCode,
  type PkiProblem,
  type PkiProblemCode,
  type PkiStage,
} from './pki-problem.ts';
export { encodePem, parsePem, type PemBlock, type PemEntry, type PemParse } from './pem.ts';
export {
  AWS_IOT_KEY_ALGORITHMS,
  KEY_ALGORITHMS,
  generateKeyPair,
  isKeyAlgorithm,
  privateKeyPem,
  publicKeyPem,
  type KeyAlgorithm,
  type KeyPair,
} from './key-pair.ts';
export { importPrivateKey } from './import-key.ts';
export { formatName, type DistinguishedName, type NameAttribute } from './distinguished-name.ts';
export {
  NAME_ATTRIBUTES,
  nameSpec,
  nameSpecText,
  type NameAttributeKey,
  type NameAttributeSpec,
  type NameInput,
} from './name-input.ts';
export { randomSerialNumber, serialNumberInteger } from './serial-number.ts';
export { keyIdentifier } from './key-identifier.ts';
export {
  CERTIFICATE_ROLES,
  ROLE_PROFILES,
  isCertificateRole,
  type CertificateRole,
} from './certificate-profile.ts';
export {
  issueCertificate,
  type CertificateAuthority,
  type IssueRequest,
  type IssuedCertificate,
} from './issue-certificate.ts';
export {
  createIntermediateCa,
  createLabCa,
  createRootCa,
  type CaOptions,
  type IssuedAuthority,
  type LabCa,
} from './certificate-authority.ts';
export {
  createCertificationRequest,
  signCertificationRequest,
  verifyCertificationRequest,
  type CreatedRequest,
  type SignRequestOptions,
} from './certificate-signing-request.ts';
export { exportPkcs12, type Pkcs12Options } from './pkcs12.ts';
export {
  PEM_LABELS,
  decodePki,
  decodeSync,
  type BlockSource,
  type DecodeOptions,
  type DecodeResult,
  type DecodedBlock,
  type DecodedKind,
  type DecodedObject,
} from './decode.ts';
export { readCertificate, type Certificate, type Validity } from './certificate.ts';
export { readCertificationRequest, type CertificationRequest } from './certification-request.ts';
export type { PrivateKey, EcParameters } from './private-key.ts';
export type { PublicKey } from './public-key.ts';
export type { EncryptedPrivateKey } from './encrypted-private-key.ts';
export type { DecodedField } from './decoded-field.ts';
export { findField } from './decoded-field.ts';
export {
  KEY_USAGES,
  type ExtensionEntry,
  type Extensions,
  type KeyUsageName,
} from './extensions.ts';
export { GENERAL_NAME_TYPES, type GeneralNameValue } from './general-name.ts';
export { certificateId, fingerprints, type Fingerprints } from './fingerprint.ts';
export { verifySignature, type SignatureCheck } from './signature.ts';
export {
  CHAIN_CHECKS,
  CHAIN_FAILURES,
  PURPOSES,
  type ChainCheck,
  type ChainCheckName,
  type ChainFailure,
  type Purpose,
} from './chain-checks.ts';
export { verifyChain, type ChainInput, type ChainVerification } from './verify-chain.ts';
