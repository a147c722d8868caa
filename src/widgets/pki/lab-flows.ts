/**
 * The AWS IoT ways to get a device certificate, run against the lab's registry (the spec's
 * "AWS-generated" and "Your own CA"; AWS IoT pages device-certs-create, device-certs-your-own,
 * register-CA-cert): the lab makes the keys; the browser makes the key and sends only a CSR;
 * or the learner registers their own CA and a certificate it signed.
 */
import type {
  CertificateRecord,
  CertificateRegistry,
  CertificateStatus,
  CreatedKeysAndCertificate,
} from '../../core/lab/certificate-registry.ts';
import type { NameInput } from '../../core/pki/index.ts';
import type { KeyedCertificate, LabCertificate, WorkshopAlgorithm } from './identity-store.ts';
import { webCrypto, type Pki } from './load-pki.ts';
import type { LabKind } from './use-registry.ts';
import { certificateOf } from './workshop-actions.ts';

export interface FlowOptions {
  algorithm: WorkshopAlgorithm;
  /** AWS's --set-as-active: ACTIVE at once, or INACTIVE until activated. */
  setAsActive: boolean;
  lab: LabKind;
}

/** CreateKeysAndCertificate: the lab makes the key pair and returns the private key this once. */
export async function createKeysAndCertificate(
  registry: CertificateRegistry,
  options: FlowOptions & { commonName: string },
): Promise<{ created: CreatedKeysAndCertificate; remembered: LabCertificate }> {
  const created = await registry.createKeysAndCertificate({
    commonName: options.commonName,
    algorithm: options.algorithm,
    setAsActive: options.setAsActive,
  });
  const labCa = await registry.labCa();
  return {
    created,
    remembered: remembered(created.certificate, labCa.pem, options.lab, created.privateKeyPem),
  };
}

/** CreateCertificateFromCsr: the key is made here; only the CSR goes to the lab. */
export async function createFromCsr(
  pki: Pki,
  registry: CertificateRegistry,
  options: FlowOptions & { subject: NameInput; onCsr?: (csrPem: string) => void },
): Promise<{ record: CertificateRecord; csrPem: string; remembered: LabCertificate }> {
  const crypto = webCrypto();
  const keyPair = await pki.generateKeyPair(crypto, options.algorithm);
  const csr = await pki.createCertificationRequest(crypto, { subject: options.subject, keyPair });
  options.onCsr?.(csr.pem);

  const record = await registry.createCertificateFromCsr({
    csrPem: csr.pem,
    setAsActive: options.setAsActive,
  });
  const labCa = await registry.labCa();
  return {
    record,
    csrPem: csr.pem,
    remembered: remembered(record, labCa.pem, options.lab, pki.privateKeyPem(keyPair)),
  };
}

/**
 * RegisterCACertificate then RegisterCertificate: the learner's CA becomes trusted by the lab,
 * and the device certificate enters the registry INACTIVE, waiting to be activated.
 */
export async function registerOwn(
  pki: Pki,
  registry: CertificateRegistry,
  options: { ca: KeyedCertificate; device: KeyedCertificate; lab: LabKind },
): Promise<{ record: CertificateRecord; caWasNew: boolean; remembered: LabCertificate }> {
  const crypto = webCrypto();
  const caId = await pki.certificateId(crypto, certificateOf(pki, options.ca.certificatePem).der);
  const known = (await registry.listCas()).find((ca) => ca.caCertificateId === caId);
  const caWasNew = !known;
  if (!known) await registry.registerCa(options.ca.certificatePem, 'ACTIVE');
  // A device can only connect while the CA that signed it is ACTIVE too.
  else if (known.status !== 'ACTIVE') await registry.setCaStatus(caId, 'ACTIVE');

  const deviceId = await pki.certificateId(
    crypto,
    certificateOf(pki, options.device.certificatePem).der,
  );
  const existing = await findCertificate(registry, deviceId);
  const record =
    existing ??
    (await registry.registerCertificate({
      pem: options.device.certificatePem,
      status: 'INACTIVE',
    }));
  return {
    record,
    caWasNew,
    remembered: remembered(
      record,
      options.ca.certificatePem,
      options.lab,
      options.device.privateKeyPem,
    ),
  };
}

/** The registry's record, or null when the lab no longer has it (it was reset or deleted). */
export async function findCertificate(
  registry: CertificateRegistry,
  certificateId: string,
): Promise<CertificateRecord | null> {
  const all = await registry.listCertificates();
  return all.find((c) => c.certificateId === certificateId) ?? null;
}

export async function changeStatus(
  registry: CertificateRegistry,
  certificate: LabCertificate,
  status: CertificateStatus,
): Promise<LabCertificate> {
  const record = await registry.updateCertificate(certificate.certificateId, status);
  return { ...certificate, status: record.status };
}

function remembered(
  record: CertificateRecord,
  caPem: string,
  lab: LabKind,
  privateKeyPem: string,
): LabCertificate {
  return {
    certificateId: record.certificateId,
    origin: record.origin,
    certificatePem: record.pem,
    caPem,
    privateKeyPem,
    lab,
    status: record.status,
  };
}
