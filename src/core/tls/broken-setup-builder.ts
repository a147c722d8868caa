/**
 * Making the keys and certificates of a gallery case (broken-setups.ts) from a lab CA, with the
 * PKI core only, so the same materials run in the page (emulateHandshake) and against the lab
 * server's real TLS (/api/tls/probe).
 *
 * To run a case against a lab, register its materials first (registerBrokenSetup does it):
 *   1. each of `registerCas` with RegisterCACertificate, status ACTIVE (only the
 *      intermediate-missing case has one: its fresh root; the lab CA is registered already);
 *   2. `registerCertificate`, when not null, with RegisterCertificate and its status.
 * Then connect with `certificatePem`, `privateKeyPem`, `caPem` and `serverName`, at `at`.
 */
import type { CertificateRegistry, CertificateStatus } from '../lab/certificate-registry.ts';
import { createIntermediateCa, createRootCa } from '../pki/certificate-authority.ts';
import type { Certificate } from '../pki/certificate.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import {
  issueCertificate,
  type CertificateAuthority,
  type IssueRequest,
} from '../pki/issue-certificate.ts';
import { generateKeyPair, privateKeyPem, type KeyPair } from '../pki/key-pair.ts';
import { encodePem } from '../pki/pem.ts';
import {
  BROKEN_SETUPS,
  EXPIRED_DAYS,
  NOT_YET_VALID_DAYS,
  type BrokenSetup,
  type BrokenSetupId,
} from './broken-setups.ts';
import { DEFAULT_SERVER_NAME } from './server-name.ts';

export interface BrokenSetupOptions {
  /** The device's key. Default: P-256, which is quick to make. */
  algorithm?: 'P-256' | 'RSA-2048';
  /** The moment the dates are counted from. Default: now. */
  now?: Date;
}

export interface BrokenSetupMaterials {
  setup: BrokenSetup;
  /** The device's certificate file: PEM, leaf first; empty when it sends none. */
  certificatePem: string;
  /** The device's private key (PKCS #8 PEM); empty when it has none. */
  privateKeyPem: string;
  /** The device's trust anchor for the broker: the lab CA's certificate (--cafile). */
  caPem: string;
  /** The host name the device dials. */
  serverName: string;
  /** The clock to run the case at (the learner may move it). */
  at: Date;
  /** The device certificate's validity, for the clock; null without a certificate. */
  validity: { notBefore: Date; notAfter: Date } | null;
  /** CA certificates to register ACTIVE before the device certificate. */
  registerCas: { pem: string; status: 'ACTIVE' }[];
  /** The device certificate to register, or null when the case registers none. */
  registerCertificate: {
    pem: string;
    status: Exclude<CertificateStatus, 'PENDING_ACTIVATION'>;
  } | null;
  /**
   * CA certificates the device holds but does not send (the intermediate it forgot). Only the
   * model reads them, to name the failure; pass them as `knownIntermediates`.
   */
  unsentPem: string;
  /** The device's leaf and key, parsed, for callers in the core. */
  device: { certificate: Certificate; keyPair: KeyPair } | null;
}

const DAY_MS = 86_400_000;

export async function buildBrokenSetup(
  crypto: CryptoPort,
  id: BrokenSetupId,
  lab: { ca: CertificateAuthority },
  options: BrokenSetupOptions = {},
): Promise<BrokenSetupMaterials> {
  const setup = BROKEN_SETUPS[id];
  const now = options.now ?? new Date();
  const algorithm = options.algorithm ?? 'P-256';
  const days = (n: number) => new Date(now.getTime() + n * DAY_MS);
  const base = {
    setup,
    caPem: encodePem('CERTIFICATE', lab.ca.certificate.der),
    serverName: id === 'server-name-mismatch' ? 'broker.example.com' : DEFAULT_SERVER_NAME,
    at: now,
    registerCas: [] as BrokenSetupMaterials['registerCas'],
    unsentPem: '',
  };
  if (id === 'no-client-certificate') {
    return {
      ...base,
      certificatePem: '',
      privateKeyPem: '',
      validity: null,
      registerCertificate: null,
      device: null,
    };
  }

  const keyPair = await generateKeyPair(crypto, algorithm);
  const request: IssueRequest = {
    role: 'device',
    subject: { O: 'Handshake Lab', CN: `gallery-${id}` },
    publicKey: keyPair,
    issuer: lab.ca,
    notBefore: days(-1),
  };
  let issuer = lab.ca;
  let registerCas = base.registerCas;
  let unsentPem = '';
  let status: 'ACTIVE' | 'INACTIVE' | 'REVOKED' | null = 'ACTIVE';

  switch (id) {
    case 'expired':
      Object.assign(request, {
        notBefore: days(EXPIRED_DAYS.notBefore),
        notAfter: days(EXPIRED_DAYS.notAfter),
      });
      break;
    case 'not-yet-valid':
      Object.assign(request, {
        notBefore: days(NOT_YET_VALID_DAYS.notBefore),
        notAfter: days(NOT_YET_VALID_DAYS.notAfter),
      });
      break;
    case 'untrusted-ca':
      issuer = await createRootCa(crypto, {
        subject: { O: 'Workshop', CN: 'Unregistered Workshop CA' },
      });
      status = null;
      break;
    case 'intermediate-missing': {
      const root = await createRootCa(crypto, {
        subject: { O: 'Gallery', CN: `Gallery Root CA ${shortTag(crypto)}` },
      });
      issuer = await createIntermediateCa(crypto, root, {
        subject: { O: 'Gallery', CN: 'Gallery Device CA' },
      });
      registerCas = [{ pem: root.issued.pem, status: 'ACTIVE' }];
      unsentPem = encodePem('CERTIFICATE', issuer.certificate.der);
      // The registry takes a device certificate only from a registered issuer, and this one's
      // issuer is the intermediate; the case fails before the lookup anyway.
      status = null;
      break;
    }
    case 'inactive':
      status = 'INACTIVE';
      break;
    case 'revoked':
      status = 'REVOKED';
      break;
    case 'no-client-auth-usage':
      request.overrides = { extKeyUsage: ['serverAuth'] };
      break;
  }

  const issued = await issueCertificate(crypto, { ...request, issuer });
  const signingKey = id === 'key-mismatch' ? await generateKeyPair(crypto, algorithm) : keyPair;
  return {
    ...base,
    registerCas,
    unsentPem,
    certificatePem: issued.pem,
    privateKeyPem: privateKeyPem(signingKey),
    validity: {
      notBefore: issued.certificate.validity.notBefore,
      notAfter: issued.certificate.validity.notAfter,
    },
    registerCertificate: status ? { pem: issued.pem, status } : null,
    device: { certificate: issued.certificate, keyPair: signingKey },
  };
}

/** Registers a case's CAs and device certificate with a lab's registry, as the header says. */
export async function registerBrokenSetup(
  registry: Pick<CertificateRegistry, 'registerCa' | 'registerCertificate'>,
  materials: Pick<BrokenSetupMaterials, 'registerCas' | 'registerCertificate'>,
): Promise<void> {
  for (const ca of materials.registerCas) await registry.registerCa(ca.pem, ca.status);
  if (materials.registerCertificate)
    await registry.registerCertificate(materials.registerCertificate);
}

/** A few random hex digits, so each case's fresh root has a name of its own. */
function shortTag(crypto: CryptoPort): string {
  return [...crypto.getRandomValues(new Uint8Array(3))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}
