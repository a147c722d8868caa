/**
 * One try of a broken set-up in the picked lab: build its keys and certificates, register what
 * the case needs, run the attempt (emulated in the page, real on the lab server), then undo the
 * registration. Everything it makes is named `gallery-…` (device CN `gallery-<case>`, the
 * policy `gallery-connect` on the lab server), so what cannot be removed (a CA: the registry has
 * no delete for one) is set INACTIVE and stays recognisable.
 *
 * Who signs: the in-page lab's own CA (its key is in this browser), as the builder expects. The
 * lab server keeps its CA key to itself, so there a CA made for the gallery, registered ACTIVE,
 * signs instead; the broker accepts it for the same reason (a registered, ACTIVE CA).
 */
import {
  RegistryError,
  type CaRecord,
  type CertificateRecord,
  type CertificateRegistry,
} from '../../core/lab/certificate-registry.ts';
import type { LabRegistry } from '../../core/lab/iot-registry.ts';
import { createRootCa, type CertificateAuthority } from '../../core/pki/index.ts';
import {
  buildBrokenSetup,
  diagnose,
  type BrokenSetupId,
  type BrokenSetupMaterials,
} from '../../core/tls/index.ts';
import { webCrypto } from '../pki/load-pki.ts';
import type { LabKind } from '../pki/use-registry.ts';
import type { GalleryAttempt } from './gallery-attempt.ts';
import { inPageRegistry } from './in-page-attempt.ts';
import { runAttempt } from './run-handshake.ts';

let gallerySigner: Promise<CertificateAuthority> | null = null;

export async function tryBrokenSetup(
  id: BrokenSetupId,
  lab: { kind: LabKind; url: string },
  registry: CertificateRegistry,
  at?: Date,
): Promise<GalleryAttempt> {
  const crypto = webCrypto();
  const signer = await signerFor(lab.kind, registry);
  const materials = await buildBrokenSetup(crypto, id, { ca: signer });
  // The device's trust anchor for the broker is always the lab's own CA.
  const caPem = (await registry.labCa()).pem;
  const registered = await register(registry, materials);
  try {
    // The lab server's probe goes on to MQTT CONNECT, which its broker authorizes by policy.
    if (lab.kind === 'lab-server') registered.policy = await allowConnect(registry, registered);
    const report = await runAttempt(
      lab,
      {
        certificatePem: materials.certificatePem,
        privateKeyPem: materials.privateKeyPem,
        caPem,
        serverName: materials.serverName,
        unsentPem: materials.unsentPem,
      },
      { at: at ?? materials.at },
    );
    const leftOver = await unregister(registry, registered);
    return {
      report,
      verdict: diagnose(report),
      ...(at ? { at } : {}),
      ...(leftOver ? { leftOver } : {}),
    };
  } catch (error) {
    await unregister(registry, registered);
    throw error;
  }
}

/** The CA that signs the case's device certificate in this lab. */
async function signerFor(
  kind: LabKind,
  registry: CertificateRegistry,
): Promise<CertificateAuthority> {
  if (kind === 'in-page') return (await inPageRegistry()).labCaAuthority();

  gallerySigner ??= (async () => {
    const ca = await createRootCa(webCrypto(), {
      subject: { O: 'Handshake Lab', CN: `gallery-ca-${Date.now().toString(36)}` },
    });
    await registry.registerCa(ca.issued.pem, 'ACTIVE');
    return ca;
  })().catch((error: unknown) => {
    gallerySigner = null;
    throw error;
  });
  return gallerySigner;
}

interface Registered {
  cas: CaRecord[];
  certificate: CertificateRecord | null;
  /** The policy attached to the certificate, if any. */
  policy?: string | null;
}

/** A policy that lets any client connect, and nothing more (AWS IoT's iot:Connect action). */
const GALLERY_POLICY = 'gallery-connect';
const GALLERY_POLICY_DOCUMENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'iot:Connect', Resource: '*' }],
});

/**
 * Attaches `gallery-connect` to an ACTIVE certificate, so that a set-up which passes TLS and
 * the registry also gets its CONNACK; without it the broker would refuse CONNECT for want of a
 * policy, and the baseline would not connect. Null when the lab keeps no policies.
 */
async function allowConnect(
  registry: CertificateRegistry,
  registered: Registered,
): Promise<string | null> {
  const certificate = registered.certificate;
  if (!certificate || certificate.status !== 'ACTIVE' || !hasPolicies(registry)) return null;
  try {
    await registry.createPolicy(GALLERY_POLICY, GALLERY_POLICY_DOCUMENT);
  } catch (error) {
    if (!(error instanceof RegistryError) || error.code !== 'resource-already-exists') throw error;
  }
  await registry.attachPolicy(GALLERY_POLICY, certificate.certificateId);
  return GALLERY_POLICY;
}

function hasPolicies(registry: CertificateRegistry): registry is LabRegistry {
  return typeof (registry as Partial<LabRegistry>).attachPolicy === 'function';
}

/** Registers the case's CAs and device certificate (registerBrokenSetup's steps, kept). */
async function register(
  registry: CertificateRegistry,
  materials: BrokenSetupMaterials,
): Promise<Registered> {
  const cas: CaRecord[] = [];
  for (const ca of materials.registerCas) cas.push(await registry.registerCa(ca.pem, ca.status));
  const certificate = materials.registerCertificate
    ? await registry.registerCertificate(materials.registerCertificate)
    : null;
  return { cas, certificate };
}

/**
 * Removes the device certificate (an ACTIVE one must be deactivated first, as in AWS IoT) and
 * sets the case's own CAs INACTIVE. Returns what could not be removed, for the card to say.
 */
async function unregister(
  registry: CertificateRegistry,
  registered: Registered,
): Promise<string | null> {
  try {
    const certificate = registered.certificate;
    if (certificate && registered.policy && hasPolicies(registry)) {
      await registry.detachPolicy(registered.policy, certificate.certificateId);
    }
    if (certificate) {
      if (certificate.status === 'ACTIVE') {
        await registry.updateCertificate(certificate.certificateId, 'INACTIVE');
      }
      await registry.deleteCertificate(certificate.certificateId);
    }
    for (const ca of registered.cas) await registry.setCaStatus(ca.caCertificateId, 'INACTIVE');
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `The lab kept what this try registered (a certificate with CN gallery-…): ${why}`;
  }
}
