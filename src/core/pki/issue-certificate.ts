/**
 * Issuing a certificate: a CA signs a public key and a name, with the extensions of the role
 * (root CA, intermediate CA, device, server). RSA over RSA is written by node-forge; anything
 * with an EC key by @peculiar/x509, since forge has no ECDSA.
 */
import { equalBytes } from './bytes.ts';
import type { Bytes, CryptoPort } from './crypto-port.ts';
import { readCertificate, type Certificate } from './certificate.ts';
import { ROLE_PROFILES, type CertificateRole } from './certificate-profile.ts';
import type {
  CertificateEncoder,
  CertificateTemplate,
  ExtensionTemplate,
  NameTemplate,
  SubjectAltNameEntry,
} from './certificate-template.ts';
import { readWhole } from './der-reader.ts';
import type { DistinguishedName } from './distinguished-name.ts';
import { nameSpec, type NameInput } from './name-input.ts';
import type { KeyUsageName } from './extensions.ts';
import { keyIdentifier } from './key-identifier.ts';
import type { KeyPair } from './key-pair.ts';
import { encodePem } from './pem.ts';
import { PkiError } from './pki-problem.ts';
import { readPublicKeyInfo } from './public-key-info.ts';
import { randomSerialNumber, serialNumberInteger } from './serial-number.ts';
import { parseSubjectAltName } from './subject-alt-name.ts';

/** A CA that can sign: its certificate and the key pair that certificate is for. */
export interface CertificateAuthority {
  certificate: Certificate;
  keyPair: KeyPair;
}

export interface IssueRequest {
  role: CertificateRole;
  /** A name to check and encode, or a name read from a CSR (kept byte for byte). */
  subject: NameInput | DistinguishedName;
  /** The key to certify: a key pair, or a SubjectPublicKeyInfo in DER. */
  publicKey: KeyPair | Bytes;
  /** Who signs. Default: nobody, the certificate signs itself (then `publicKey` is a key pair). */
  issuer?: CertificateAuthority;
  /** DNS names and IP addresses, e.g. `localhost`, `127.0.0.1`, `DNS:broker.lab`. Required for a server. */
  subjectAltNames?: string[];
  /** Default: now, to the second. */
  notBefore?: Date;
  /** Default: notBefore plus the role's validity (10 years root, 5 intermediate, 1 device or server). */
  notAfter?: Date;
  /** Magnitude of the serial number. Default: 16 random bytes. */
  serialNumber?: Uint8Array;
  /** For a CA: how many intermediates may follow it. Default: none for a root, 0 for an intermediate. */
  pathLength?: number;
  /** For lessons that show what a verifier refuses. Default: the role's profile, and a CA issuer. */
  overrides?: {
    cA?: boolean;
    keyUsage?: KeyUsageName[];
    /** `null` leaves extKeyUsage out. */
    extKeyUsage?: ('serverAuth' | 'clientAuth')[] | null;
    allowNonCaIssuer?: boolean;
  };
}

export interface IssuedCertificate {
  der: Bytes;
  pem: string;
  certificate: Certificate;
  /** Which library wrote it. */
  encoder: 'node-forge' | '@peculiar/x509';
}

export async function issueCertificate(
  crypto: CryptoPort,
  request: IssueRequest,
): Promise<IssuedCertificate> {
  const signer = signingKeyOf(request);
  const subjectSpki =
    'spki' in request.publicKey ? request.publicKey.spki : new Uint8Array(request.publicKey);
  const subjectKey = readPublicKeyInfo(readWhole(subjectSpki, 'the public key to certify')).key;
  const subject = nameTemplate(request.subject);

  const template: CertificateTemplate = {
    serialNumber: request.serialNumber
      ? serialNumberInteger(request.serialNumber)
      : randomSerialNumber(crypto),
    subject,
    issuer: request.issuer
      ? {
          rdns: rdnsOf(request.issuer.certificate.subject),
          der: request.issuer.certificate.subject.der,
        }
      : subject,
    ...validity(request),
    subjectPublicKey: subjectSpki,
    extensions: await extensionTemplate(crypto, request, subjectSpki, subjectKey.type),
  };

  const { encoder, name } = await encoderFor(crypto, signer, subjectKey.type, template);
  const der = await encoder.createCertificate(template, signer);
  return {
    der,
    pem: encodePem('CERTIFICATE', der),
    certificate: readCertificate(der),
    encoder: name,
  };
}

/** The key that signs, after checking the issuer can sign with it. */
function signingKeyOf(request: IssueRequest): KeyPair {
  const { issuer } = request;
  if (!issuer) {
    if ('spki' in request.publicKey) return request.publicKey;
    throw new PkiError(
      'not-decodable',
      'A self-signed certificate needs its key pair, not only the public key.',
    );
  }

  if (!equalBytes(issuer.keyPair.spki, issuer.certificate.publicKey.spki)) {
    throw new PkiError(
      'key-mismatch',
      `The key pair given for the CA "${issuer.certificate.subject.text}" is not the key its certificate ` +
        'holds. Load the private key that was made with this CA certificate.',
    );
  }
  if (!issuer.certificate.extensions.basicConstraints?.cA && !request.overrides?.allowNonCaIssuer) {
    throw new PkiError(
      'issuer-not-ca',
      `"${issuer.certificate.subject.text}" is not a CA: its basicConstraints does not say CA:TRUE, so ` +
        'verifiers would reject anything it signs. Sign with a root or intermediate CA.',
    );
  }
  return issuer.keyPair;
}

function nameTemplate(subject: NameInput | DistinguishedName): NameTemplate {
  if ('rdns' in subject && Array.isArray(subject.rdns)) {
    const name = subject as DistinguishedName;
    return { rdns: rdnsOf(name), der: name.der };
  }
  return {
    rdns: nameSpec(subject as NameInput).map((a) => [
      { oid: a.oid, value: a.value, stringType: a.stringType },
    ]),
  };
}

function rdnsOf(name: DistinguishedName): NameTemplate['rdns'] {
  return name.rdns.map((rdn) =>
    rdn.map((a) => ({ oid: a.oid, value: a.value, stringType: a.stringType ?? 'other' })),
  );
}

function validity(request: IssueRequest): { notBefore: Date; notAfter: Date } {
  const notBefore = new Date(request.notBefore ?? Date.now());
  notBefore.setUTCMilliseconds(0);
  const days = ROLE_PROFILES[request.role].validityDays;
  const notAfter = new Date(request.notAfter ?? notBefore.getTime() + days * 86_400_000);
  notAfter.setUTCMilliseconds(0);
  if (notAfter <= notBefore) {
    throw new PkiError(
      'validity-invalid',
      `notAfter (${notAfter.toISOString()}) must come after notBefore (${notBefore.toISOString()}).`,
    );
  }
  return { notBefore, notAfter };
}

async function extensionTemplate(
  crypto: CryptoPort,
  request: IssueRequest,
  subjectSpki: Bytes,
  keyType: string,
): Promise<ExtensionTemplate> {
  const profile = ROLE_PROFILES[request.role];
  const overrides = request.overrides ?? {};
  const cA = overrides.cA ?? profile.cA;
  const pathLength = request.pathLength ?? (request.role === 'intermediate-ca' ? 0 : undefined);
  // keyEncipherment is for RSA key transport; an EC key cannot encipher.
  const keyUsage = (overrides.keyUsage ?? profile.keyUsage).filter(
    (u) => keyType === 'RSA' || u !== 'keyEncipherment',
  );

  const extensions: ExtensionTemplate = {
    basicConstraints:
      cA && pathLength !== undefined ? { cA, pathLenConstraint: pathLength } : { cA },
    keyUsage,
    subjectKeyIdentifier: await keyIdentifier(crypto, subjectSpki),
  };
  const extKeyUsage =
    overrides.extKeyUsage === undefined ? profile.extKeyUsage : overrides.extKeyUsage;
  if (extKeyUsage) extensions.extKeyUsage = extKeyUsage;

  const altNames = subjectAltNames(request);
  if (altNames.length > 0) extensions.subjectAltName = altNames;
  if (request.issuer)
    extensions.authorityKeyIdentifier = await keyIdentifier(crypto, request.issuer.keyPair.spki);
  return extensions;
}

function subjectAltNames(request: IssueRequest): SubjectAltNameEntry[] {
  const entries = (request.subjectAltNames ?? []).map(parseSubjectAltName);
  if (request.role === 'server' && entries.length === 0) {
    throw new PkiError(
      'subject-alt-name-invalid',
      'A server certificate needs at least one subjectAltName: the DNS names or IP addresses clients ' +
        'connect to, such as localhost and 127.0.0.1. TLS clients ignore the commonName.',
    );
  }
  return entries;
}

async function encoderFor(
  crypto: CryptoPort,
  signer: KeyPair,
  subjectKeyType: string,
  template: CertificateTemplate,
): Promise<{ encoder: CertificateEncoder; name: IssuedCertificate['encoder'] }> {
  if (signer.type === 'RSA' && subjectKeyType === 'RSA') {
    const forge = await import('./forge-adapter.ts');
    if (forge.forgeCanWrite(template.subject) && forge.forgeCanWrite(template.issuer)) {
      return { encoder: forge.forgeEncoder, name: 'node-forge' };
    }
  }
  const { x509Encoder } = await import('./x509-adapter.ts');
  return { encoder: x509Encoder(crypto), name: '@peculiar/x509' };
}
