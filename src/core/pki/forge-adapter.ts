/**
 * The one file that talks to node-forge: RSA certificates and CSRs, PKCS #12, and decrypting
 * encrypted PKCS #8 keys. It is loaded on demand, so pages that only decode never fetch forge.
 */
import { fromBinaryString, toBinaryString } from './bytes.ts';
import type { Bytes } from './crypto-port.ts';
import type {
  CertificateEncoder,
  CertificateTemplate,
  ExtensionTemplate,
  NameTemplate,
  RequestTemplate,
  SubjectAltNameEntry,
} from './certificate-template.ts';
import type {
  Forge,
  ForgeAsn1,
  ForgeExtension,
  ForgeNameAttribute,
  ForgeRsaPrivateKey,
} from './forge-module.js';
import forge from './forge-module.js';
import type { KeyPair } from './key-pair.ts';
import { PkiError } from './pki-problem.ts';

const f: Forge = forge;

/** The string types forge can write, by ASN.1 type name. */
const FORGE_STRING_TAGS: Record<string, number> = {
  PrintableString: f.asn1.Type.PRINTABLESTRING,
  UTF8String: f.asn1.Type.UTF8,
  IA5String: f.asn1.Type.IA5STRING,
};

/** Whether forge can write this name as it is: one attribute per RDN, in a type it knows. */
export function forgeCanWrite(name: NameTemplate): boolean {
  return name.rdns.every((rdn) => rdn.length === 1 && rdn[0]!.stringType in FORGE_STRING_TAGS);
}

export const forgeEncoder: CertificateEncoder = {
  async createCertificate(template: CertificateTemplate, signer: KeyPair): Promise<Bytes> {
    const certificate = f.pki.createCertificate();
    certificate.serialNumber = hex(template.serialNumber);
    certificate.validity.notBefore = template.notBefore;
    certificate.validity.notAfter = template.notAfter;
    certificate.publicKey = f.pki.publicKeyFromAsn1(fromDer(template.subjectPublicKey));
    certificate.setSubject(nameAttributes(template.subject));
    certificate.setIssuer(nameAttributes(template.issuer));
    certificate.setExtensions(extensions(template.extensions));
    certificate.sign(rsaPrivateKey(signer), f.md.sha256.create());
    return toDer(f.pki.certificateToAsn1(certificate));
  },

  async createCertificationRequest(template: RequestTemplate): Promise<Bytes> {
    const request = f.pki.createCertificationRequest();
    request.publicKey = f.pki.publicKeyFromAsn1(fromDer(template.keyPair.spki));
    request.setSubject(nameAttributes(template.subject));
    if (template.subjectAltName?.length) {
      request.setAttributes([
        { name: 'extensionRequest', extensions: [subjectAltName(template.subjectAltName)] },
      ]);
    }
    request.sign(rsaPrivateKey(template.keyPair), f.md.sha256.create());
    return toDer(f.pki.certificationRequestToAsn1(request));
  },
};

function nameAttributes(name: NameTemplate): ForgeNameAttribute[] {
  // forge writes each attribute in its own RDN; forgeCanWrite has checked there is one per RDN.
  return name.rdns.map(([attribute]) => ({
    type: attribute!.oid,
    value: attribute!.value,
    valueTagClass: FORGE_STRING_TAGS[attribute!.stringType]!,
  }));
}

function extensions(template: ExtensionTemplate): ForgeExtension[] {
  const list: ForgeExtension[] = [];
  const { cA, pathLenConstraint } = template.basicConstraints;
  list.push({
    name: 'basicConstraints',
    critical: true,
    cA,
    ...(pathLenConstraint === undefined ? {} : { pathLenConstraint }),
  });
  list.push({
    name: 'keyUsage',
    critical: true,
    ...Object.fromEntries(template.keyUsage.map((u) => [u, true])),
  });
  if (template.extKeyUsage) {
    list.push({
      name: 'extKeyUsage',
      ...Object.fromEntries(template.extKeyUsage.map((u) => [u, true])),
    });
  }
  if (template.subjectAltName?.length) list.push(subjectAltName(template.subjectAltName));
  // forge would compute the key identifier itself; the core's value is passed so both encoders agree.
  list.push({
    name: 'subjectKeyIdentifier',
    value: f.asn1.create(
      f.asn1.Class.UNIVERSAL,
      f.asn1.Type.OCTETSTRING,
      false,
      toBinaryString(template.subjectKeyIdentifier),
    ),
  });
  if (template.authorityKeyIdentifier) {
    list.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: toBinaryString(template.authorityKeyIdentifier),
    });
  }
  return list;
}

function subjectAltName(entries: SubjectAltNameEntry[]): ForgeExtension {
  // GeneralName tags (RFC 5280 §4.2.1.6): 2 is dNSName, 7 is iPAddress.
  const altNames = entries.map((e) =>
    e.type === 'dns' ? { type: 2, value: e.value } : { type: 7, ip: e.value },
  );
  return { name: 'subjectAltName', altNames };
}

function rsaPrivateKey(keyPair: KeyPair): ForgeRsaPrivateKey {
  if (keyPair.type !== 'RSA') throw new Error('The forge encoder signs with RSA keys only.');
  return f.pki.privateKeyFromAsn1(fromDer(keyPair.pkcs8));
}

/**
 * PKCS #12 (RFC 7292) with the key encrypted by PBES2 (AES-256-CBC, PBKDF2 with HMAC-SHA-256)
 * and an HMAC over the whole file. forge reads only RSA keys and certificates with RSA keys.
 */
export async function createPkcs12(options: {
  keyPair: KeyPair;
  certificates: Bytes[];
  password: string;
  friendlyName?: string;
}): Promise<Bytes> {
  if (options.keyPair.type !== 'RSA') {
    throw new PkiError(
      'pkcs12-needs-rsa',
      `PKCS #12 export works for RSA keys only: node-forge, which writes it here, has no elliptic-curve ` +
        `support, and this key is ${options.keyPair.algorithm}. Use the PEM files instead, or run ` +
        '`openssl pkcs12 -export -inkey device.key -in device.crt -out device.p12`.',
    );
  }

  const certificates = options.certificates.map((der, i) => {
    try {
      return f.pki.certificateFromAsn1(fromDer(der));
    } catch {
      throw new PkiError(
        'pkcs12-needs-rsa',
        `Certificate ${i + 1} for the PKCS #12 file does not have an RSA key, and node-forge reads only ` +
          'RSA certificates. Leave it out, or build the file with `openssl pkcs12 -export`.',
      );
    }
  });
  const p12 = f.pkcs12.toPkcs12Asn1(
    rsaPrivateKey(options.keyPair),
    certificates,
    options.password,
    {
      algorithm: 'aes256',
      prfAlgorithm: 'sha256',
      generateLocalKeyId: true,
      ...(options.friendlyName === undefined ? {} : { friendlyName: options.friendlyName }),
    },
  );
  return toDer(p12);
}

/** PrivateKeyInfo DER from EncryptedPrivateKeyInfo DER, or why it could not be decrypted. */
export async function decryptPrivateKeyInfo(
  der: Bytes,
  password: string,
): Promise<{ der: Bytes } | { error: string }> {
  const wrongPassword = {
    error:
      'The password given does not decrypt this key. Check it, and that it is this key’s own password.',
  };
  try {
    const decrypted = f.pki.decryptPrivateKeyInfo(fromDer(der), password);
    return decrypted ? { der: toDer(decrypted) } : wrongPassword;
  } catch (error) {
    const message = (error as Error).message;
    if (/unsupported|not supported/i.test(message)) {
      return {
        error: `node-forge cannot decrypt this key: ${message} Re-encrypt it with \`openssl pkcs8 -topk8 -v2 aes-256-cbc\`.`,
      };
    }
    // A wrong password leaves bytes that are not DER, and forge throws while reading them.
    return wrongPassword;
  }
}

function fromDer(bytes: Uint8Array): ForgeAsn1 {
  return f.asn1.fromDer(toBinaryString(bytes));
}

function toDer(node: ForgeAsn1): Bytes {
  return fromBinaryString(f.asn1.toDer(node).getBytes());
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
