/**
 * Devices for the mutual TLS tests, one per way a connection can go wrong, made with the PKI
 * core and registered in a lab registry the way a learner would register them.
 */
import { RegistryError } from '../../src/core/lab/certificate-registry.ts';
import type { LabCertificateRegistry } from '../../src/core/lab/registry/index.ts';
import {
  createIntermediateCa,
  createRootCa,
  generateKeyPair,
  issueCertificate,
  privateKeyPem,
  type IssueRequest,
} from '../../src/core/pki/index.ts';

export const DEVICE_KINDS = [
  'rsa',
  'p256',
  'expired',
  'not-yet-valid',
  'unregistered-ca',
  'intermediate',
  'inactive',
  'revoked',
  'key-mismatch',
  'no-client-auth',
  'unregistered',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export interface Device {
  kind: DeviceKind;
  /** What the device sends: its certificate alone. */
  certificatePem: string;
  /** The certificate followed by its intermediate CA (the `intermediate` kind only). */
  chainPem: string | null;
  privateKeyPem: string;
  certificateId: string;
  commonName: string;
}

const crypto = globalThis.crypto;
const DAY = 86_400_000;

export async function makeDevice(
  registry: LabCertificateRegistry,
  kind: DeviceKind,
  commonName = `${kind}-${Date.now().toString(36)}`,
): Promise<Device> {
  const made = (
    certificatePem: string,
    privateKey: string,
    id: string,
    chainPem: string | null = null,
  ) => ({
    kind,
    certificatePem,
    chainPem,
    privateKeyPem: privateKey,
    certificateId: id,
    commonName,
  });

  switch (kind) {
    case 'rsa':
    case 'p256':
    case 'inactive':
    case 'revoked':
    case 'key-mismatch': {
      const created = await registry.createKeysAndCertificate({
        commonName,
        algorithm: kind === 'rsa' ? 'RSA-2048' : 'P-256',
        setAsActive: kind !== 'inactive',
      });
      const id = created.certificate.certificateId;
      if (kind === 'revoked') await registry.updateCertificate(id, 'REVOKED');
      const key =
        kind === 'key-mismatch'
          ? privateKeyPem(await generateKeyPair(crypto, 'P-256'))
          : created.privateKeyPem;
      return made(created.certificate.pem, key, id);
    }
    case 'expired':
      return labIssued(registry, kind, commonName, { notBefore: ago(30), notAfter: ago(1) });
    case 'not-yet-valid':
      return labIssued(registry, kind, commonName, { notBefore: ago(-10), notAfter: ago(-40) });
    case 'no-client-auth':
      return labIssued(registry, kind, commonName, { overrides: { extKeyUsage: ['serverAuth'] } });
    case 'unregistered':
      return labIssued(registry, kind, commonName, {}, false);
    case 'unregistered-ca': {
      const root = await createRootCa(crypto, {
        subject: { O: 'Workshop', CN: `Unregistered CA ${commonName}` },
      });
      const key = await generateKeyPair(crypto, 'P-256');
      const leaf = await issueCertificate(crypto, {
        role: 'device',
        subject: { CN: commonName },
        publicKey: key,
        issuer: root,
      });
      return made(leaf.pem, privateKeyPem(key), await idOf(leaf.der));
    }
    case 'intermediate': {
      // The root is trusted; the intermediate is registered (so the device certificate can be)
      // but INACTIVE, so a device must send it for its chain to reach the root.
      const root = await createRootCa(crypto, {
        subject: { O: 'Workshop', CN: `Workshop Root ${commonName}` },
      });
      const intermediate = await createIntermediateCa(crypto, root, {
        subject: { O: 'Workshop', CN: `Workshop Devices ${commonName}` },
      });
      await registry.registerCa(root.issued.pem, 'ACTIVE');
      await registry.registerCa(intermediate.issued.pem, 'INACTIVE');
      const key = await generateKeyPair(crypto, 'P-256');
      const leaf = await issueCertificate(crypto, {
        role: 'device',
        subject: { CN: commonName },
        publicKey: key,
        issuer: intermediate,
      });
      const record = await registry.registerCertificate({ pem: leaf.pem, status: 'ACTIVE' });
      return made(
        leaf.pem,
        privateKeyPem(key),
        record.certificateId,
        `${leaf.pem}${intermediate.issued.pem}`,
      );
    }
  }

  async function labIssued(
    registryOf: LabCertificateRegistry,
    kindOf: DeviceKind,
    cn: string,
    request: Partial<IssueRequest>,
    register = true,
  ): Promise<Device> {
    const key = await generateKeyPair(crypto, 'P-256');
    const leaf = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: cn },
      publicKey: key,
      issuer: await registryOf.labCaAuthority(),
      ...request,
    });
    const id = register
      ? (await registryOf.registerCertificate({ pem: leaf.pem, status: 'ACTIVE' })).certificateId
      : await idOf(leaf.der);
    return { ...made(leaf.pem, privateKeyPem(key), id), kind: kindOf };
  }
}

/**
 * Allows a certificate everything, so that a test about TLS is not also a test of IoT policies
 * (the brokers check a device's policies once it is connected).
 */
export async function allowEverything(registry: LabCertificateRegistry, certificateId: string) {
  const name = 'handshake-tests-allow-all';
  const document = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iot:*', Resource: '*' }],
  });
  await registry.createPolicy(name, document).catch((error: unknown) => {
    if (!(error instanceof RegistryError)) throw error;
  });
  await registry.attachPolicy(name, certificateId);
}

async function idOf(der: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
}

const ago = (days: number) => new Date(Date.now() - days * DAY);
