/**
 * The lab's registry of CAs and device certificates, as AWS IoT keeps them (the spec's
 * "Statuses" table; AWS IoT pages device-certs-create, register-CA-cert, API_UpdateCertificate).
 * One interface, two stores: the lab server (a JSON file on disk, reached over /api) and the
 * in-page lab (IndexedDB). Widgets, the terminal and the brokers talk to this port only.
 */

/** Certificate statuses a learner meets; only ACTIVE may connect. */
export const CERTIFICATE_STATUSES = ['PENDING_ACTIVATION', 'ACTIVE', 'INACTIVE', 'REVOKED'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const CA_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type CaStatus = (typeof CA_STATUSES)[number];

/** How a certificate entered the registry (AWS's issuing and registration flows). */
export const CERTIFICATE_ORIGINS = [
  'create-keys-and-certificate',
  'create-certificate-from-csr',
  'register-certificate',
] as const;
export type CertificateOrigin = (typeof CERTIFICATE_ORIGINS)[number];

/** A CA certificate the lab trusts for device certificates. */
export interface CaRecord {
  /** SHA-256 of the DER, 64 lowercase hex characters, as AWS IoT shows certificate IDs. */
  caCertificateId: string;
  pem: string;
  /** RFC 2253 form, e.g. `CN=Handshake Lab Root CA,O=Handshake`. */
  subject: string;
  status: CaStatus;
  /** True for the CA the lab made for itself and signs with. */
  isLabCa: boolean;
  notAfter: string;
  registeredAt: string;
}

export interface CertificateRecord {
  /** SHA-256 of the DER, 64 lowercase hex characters. */
  certificateId: string;
  pem: string;
  subject: string;
  issuer: string;
  /** Hex, as OpenSSL prints it. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  status: CertificateStatus;
  /** The registered CA that issued it, or null when registered without its CA. */
  caCertificateId: string | null;
  origin: CertificateOrigin;
  createdAt: string;
  updatedAt: string;
}

/** What "create keys and certificate" returns: the private key is shown this once, never kept. */
export interface CreatedKeysAndCertificate {
  certificate: CertificateRecord;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A request the registry refuses, with words a learner can act on. */
export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(
    /** Stable name, e.g. `certificate-not-found`, `invalid-transition`, `ca-not-registered`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CertificateRegistry {
  /** The lab's own CA; made on first use and kept (its key stays with the lab). */
  labCa(): Promise<CaRecord>;
  listCas(): Promise<CaRecord[]>;
  /** Registers a learner's own CA certificate (PEM); it must be a CA (basicConstraints cA). */
  registerCa(pem: string, status?: CaStatus): Promise<CaRecord>;
  setCaStatus(caCertificateId: string, status: CaStatus): Promise<CaRecord>;

  listCertificates(): Promise<CertificateRecord[]>;
  describeCertificate(certificateId: string): Promise<CertificateRecord>;
  /** AWS's CreateKeysAndCertificate: the lab makes the key pair and signs with the lab CA. */
  createKeysAndCertificate(options: {
    commonName: string;
    algorithm?: 'RSA-2048' | 'P-256';
    setAsActive?: boolean;
  }): Promise<CreatedKeysAndCertificate>;
  /** AWS's CreateCertificateFromCsr: the key never leaves where it was made. */
  createCertificateFromCsr(options: { csrPem: string; setAsActive?: boolean }): Promise<CertificateRecord>;
  /** AWS's RegisterCertificate: a certificate issued by a CA registered here (or none). */
  registerCertificate(options: { pem: string; status?: CertificateStatus }): Promise<CertificateRecord>;
  /**
   * AWS's UpdateCertificate. ACTIVE ⇄ INACTIVE; anything → REVOKED; REVOKED is final;
   * PENDING_ACTIVATION → ACTIVE, INACTIVE or REVOKED.
   */
  updateCertificate(certificateId: string, status: CertificateStatus): Promise<CertificateRecord>;
  deleteCertificate(certificateId: string): Promise<void>;
}

/** Whether UpdateCertificate may move a certificate from one status to another. */
export function canTransition(from: CertificateStatus, to: CertificateStatus): boolean {
  if (from === to) return true;
  if (from === 'REVOKED') return false;
  return to !== 'PENDING_ACTIVATION';
}
