/**
 * A registry in memory for the widget flows' tests: it signs with a lab CA made by the real
 * PKI core, and records every request it is sent, so a test can say what left the browser.
 */
import {
  canTransition,
  RegistryError,
  type CaRecord,
  type CertificateRecord,
  type CertificateRegistry,
  type CertificateStatus,
} from '../../../src/core/lab/certificate-registry.ts';
import * as pki from '../../../src/core/pki/index.ts';

const crypto: pki.CryptoPort = globalThis.crypto;

export interface FakeRegistry extends CertificateRegistry {
  /** Every call, with its arguments as JSON. */
  calls: { method: string; body: string }[];
}

export async function fakeRegistry(): Promise<FakeRegistry> {
  const lab = await pki.createLabCa(crypto, { organization: 'Fake Lab' });
  const cas: CaRecord[] = [];
  const certificates: CertificateRecord[] = [];
  const calls: FakeRegistry['calls'] = [];
  const now = () => new Date().toISOString();
  const log = (method: string, body: unknown = null) =>
    calls.push({ method, body: JSON.stringify(body) });

  async function record(
    pem: string,
    origin: CertificateRecord['origin'],
    status: CertificateStatus,
  ) {
    const certificate = pki.readCertificate(firstDer(pem));
    const entry: CertificateRecord = {
      certificateId: await pki.certificateId(crypto, certificate.der),
      pem,
      subject: certificate.subject.text,
      issuer: certificate.issuer.text,
      serialNumber: certificate.serialNumber,
      notBefore: certificate.validity.notBefore.toISOString(),
      notAfter: certificate.validity.notAfter.toISOString(),
      status,
      caCertificateId: null,
      origin,
      createdAt: now(),
      updatedAt: now(),
    };
    certificates.push(entry);
    return entry;
  }

  const find = (id: string) => {
    const found = certificates.find((c) => c.certificateId === id);
    if (!found) throw new RegistryError('certificate-not-found', `No certificate ${id}.`);
    return found;
  };

  return {
    calls,
    async labCa() {
      log('labCa');
      return {
        caCertificateId: await pki.certificateId(crypto, lab.root.issued.der),
        pem: lab.root.issued.pem,
        subject: lab.root.certificate.subject.text,
        status: 'ACTIVE',
        isLabCa: true,
        notAfter: lab.root.certificate.validity.notAfter.toISOString(),
        registeredAt: now(),
      };
    },
    async listCas() {
      log('listCas');
      return cas;
    },
    async registerCa(pem, status = 'ACTIVE') {
      log('registerCa', { pem, status });
      const certificate = pki.readCertificate(firstDer(pem));
      const ca: CaRecord = {
        caCertificateId: await pki.certificateId(crypto, certificate.der),
        pem,
        subject: certificate.subject.text,
        status,
        isLabCa: false,
        notAfter: certificate.validity.notAfter.toISOString(),
        registeredAt: now(),
      };
      cas.push(ca);
      return ca;
    },
    async setCaStatus(id, status) {
      log('setCaStatus', { id, status });
      const ca = cas.find((c) => c.caCertificateId === id);
      if (!ca) throw new RegistryError('ca-not-found', `No CA ${id}.`);
      ca.status = status;
      return ca;
    },
    async listCertificates() {
      log('listCertificates');
      return certificates;
    },
    async describeCertificate(id) {
      return find(id);
    },
    async createKeysAndCertificate(options) {
      log('createKeysAndCertificate', options);
      const keyPair = await pki.generateKeyPair(crypto, options.algorithm ?? 'RSA-2048');
      const issued = await pki.issueCertificate(crypto, {
        role: 'device',
        subject: { CN: options.commonName },
        publicKey: keyPair,
        issuer: lab.signer,
      });
      return {
        certificate: await record(
          issued.pem,
          'create-keys-and-certificate',
          options.setAsActive ? 'ACTIVE' : 'INACTIVE',
        ),
        privateKeyPem: pki.privateKeyPem(keyPair),
        publicKeyPem: pki.publicKeyPem(keyPair),
      };
    },
    async createCertificateFromCsr(options) {
      log('createCertificateFromCsr', options);
      const issued = await pki.signCertificationRequest(crypto, {
        csr: options.csrPem,
        issuer: lab.signer,
      });
      return record(
        issued.pem,
        'create-certificate-from-csr',
        options.setAsActive ? 'ACTIVE' : 'INACTIVE',
      );
    },
    async registerCertificate(options) {
      log('registerCertificate', options);
      return record(options.pem, 'register-certificate', options.status ?? 'INACTIVE');
    },
    async updateCertificate(id, status) {
      log('updateCertificate', { id, status });
      const found = find(id);
      if (!canTransition(found.status, status)) {
        throw new RegistryError('invalid-transition', `${found.status} cannot become ${status}.`);
      }
      found.status = status;
      return found;
    },
    async deleteCertificate() {
      throw new Error('not used');
    },
  };
}

function firstDer(pem: string) {
  const block = pki.decodeSync(pem).blocks[0];
  if (block?.status !== 'decoded') throw new Error('not a certificate');
  return block.object.der;
}
