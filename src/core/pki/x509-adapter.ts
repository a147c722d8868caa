/**
 * The one file that talks to @peculiar/x509: certificates and CSRs signed with ECDSA, or with
 * an RSA key over an EC key, which node-forge cannot write. It is loaded on demand, after the
 * small Reflect metadata store tsyringe insists on.
 */
import type * as X509 from '@peculiar/x509';
import { toHex } from './bytes.ts';
import type { Bytes, CryptoPort } from './crypto-port.ts';
import type {
  CertificateEncoder,
  CertificateTemplate,
  NameTemplate,
  SubjectAltNameEntry,
} from './certificate-template.ts';
import { KEY_USAGES } from './extensions.ts';
import { encodeName } from './name-encoding.ts';
import type { KeyPair } from './key-pair.ts';
import { signatureParams } from './key-pair.ts';
import { OID } from './object-identifier.ts';
import { installReflectMetadata } from './reflect-metadata.ts';

type X509Module = typeof X509;

/**
 * The library's CryptoKey. The core has no DOM types, so here it is unresolved; where DOM types
 * exist it is the DOM's CryptoKey. Keys come from the same WebCrypto the port wraps.
 */
type LibraryKey = X509.X509CertificateCreateWithKeyParams['signingKey'];

const libraryKey = (key: KeyPair['privateKey']) => key as unknown as LibraryKey;

/** The library's Crypto, likewise; it only calls `subtle.sign` and `subtle.exportKey` on it. */
type LibraryCrypto = Parameters<typeof X509.X509CertificateGenerator.create>[1];

const libraryCrypto = (crypto: CryptoPort) => crypto as unknown as LibraryCrypto;

let loading: Promise<X509Module> | undefined;

function loadX509(): Promise<X509Module> {
  loading ??= (async () => {
    installReflectMetadata();
    return import('@peculiar/x509');
  })();
  return loading;
}

/** The encoder, signing through the given WebCrypto. */
export function x509Encoder(crypto: CryptoPort): CertificateEncoder {
  return {
    async createCertificate(template: CertificateTemplate, signer: KeyPair): Promise<Bytes> {
      const x509 = await loadX509();
      const certificate = await x509.X509CertificateGenerator.create(
        {
          serialNumber: toHex(template.serialNumber),
          subject: new x509.Name(nameDer(template.subject)),
          issuer: new x509.Name(nameDer(template.issuer)),
          notBefore: template.notBefore,
          notAfter: template.notAfter,
          publicKey: new Uint8Array(template.subjectPublicKey),
          signingKey: libraryKey(signer.privateKey),
          signingAlgorithm: signatureParams(signer.algorithm),
          extensions: extensions(x509, template),
        },
        libraryCrypto(crypto),
      );
      return new Uint8Array(certificate.rawData);
    },

    async createCertificationRequest(template): Promise<Bytes> {
      const x509 = await loadX509();
      const request = await x509.Pkcs10CertificateRequestGenerator.create(
        {
          name: new x509.Name(nameDer(template.subject)),
          keys: {
            privateKey: libraryKey(template.keyPair.privateKey),
            publicKey: libraryKey(template.keyPair.publicKey),
          },
          signingAlgorithm: signatureParams(template.keyPair.algorithm),
          extensions: template.subjectAltName?.length
            ? [subjectAltName(x509, template.subjectAltName)]
            : [],
        },
        libraryCrypto(crypto),
      );
      return new Uint8Array(request.rawData);
    },
  };
}

function nameDer(name: NameTemplate): Bytes {
  return new Uint8Array(name.der ?? encodeName(name.rdns));
}

function extensions(x509: X509Module, template: CertificateTemplate): X509.Extension[] {
  const { basicConstraints, keyUsage, extKeyUsage, subjectAltName: san } = template.extensions;
  const flags = keyUsage.reduce((sum, usage) => sum | (1 << KEY_USAGES.indexOf(usage)), 0);
  const list: X509.Extension[] = [
    new x509.BasicConstraintsExtension(
      basicConstraints.cA,
      basicConstraints.pathLenConstraint,
      true,
    ),
    new x509.KeyUsagesExtension(flags, true),
  ];
  if (extKeyUsage) list.push(new x509.ExtendedKeyUsageExtension(extKeyUsage.map((u) => OID[u])));
  if (san?.length) list.push(subjectAltName(x509, san));
  list.push(
    new x509.SubjectKeyIdentifierExtension(toHex(template.extensions.subjectKeyIdentifier)),
  );
  if (template.extensions.authorityKeyIdentifier) {
    list.push(
      new x509.AuthorityKeyIdentifierExtension(toHex(template.extensions.authorityKeyIdentifier)),
    );
  }
  return list;
}

function subjectAltName(x509: X509Module, entries: SubjectAltNameEntry[]): X509.Extension {
  return new x509.SubjectAlternativeNameExtension(
    entries.map((e) => ({ type: e.type, value: e.value })),
  );
}
