/**
 * The lab's decision on a device once the TLS handshake is over and before the broker reads a
 * byte of MQTT, in the order AWS IoT's checks run:
 *   1. chain: OpenSSL's verification of the chain against the ACTIVE registered CAs
 *   2. usage: the certificate allows TLS client authentication (RFC 5280 §4.2.1.12)
 *   3. registry: the certificate is registered and ACTIVE (AWS IoT API_UpdateCertificate)
 * A refusal names the failure the connection doctor explains, and says what was found.
 */
import { RegistryError, type CertificateRegistry } from '../../core/lab/certificate-registry.ts';
import type { CertificateStatus } from '../../core/lab/certificate-registry.ts';
import {
  certificateId,
  decodeSync,
  readCertificate,
  type Bytes,
  type Certificate,
} from '../../core/pki/index.ts';
import { deviceIdentity } from '../../core/tls/device-identity.ts';
import type { DeviceIdentity, HandshakeFailure } from '../../core/tls/handshake-report.ts';
import { explainUnknownIssuer } from '../../core/tls/missing-intermediate.ts';
import { registryFailure, registryMessage } from '../../core/tls/registry-verdict.ts';
import { describeChainError, failureForChainError } from './openssl-errors.ts';
import type { Trust } from './trust.ts';

export interface AdmissionInput {
  /** OpenSSL's verification result for the chain; null when it passed. */
  verifyError: string | null;
  /** The chain as Node hands it over, leaf first, DER. */
  chain: Bytes[];
  trust: Pick<Trust, 'active' | 'registered'>;
  registry: Pick<CertificateRegistry, 'describeCertificate'>;
  now: Date;
}

export interface Admission {
  chain: Certificate[];
  /** The leaf's registry status; null when not registered; absent when not looked up. */
  status?: CertificateStatus | null;
  /** Set when the device may go on to MQTT. */
  identity: DeviceIdentity | null;
  failure: { code: HandshakeFailure; message: string } | null;
}

export async function admitDevice(input: AdmissionInput): Promise<Admission> {
  const chain = input.chain.map((der) => readCertificate(der));
  const leaf = chain[0];
  const refuse = (code: HandshakeFailure, message: string, status?: CertificateStatus | null) => ({
    chain,
    identity: null,
    failure: { code, message },
    ...(status === undefined ? {} : { status }),
  });
  // OpenSSL already ends a handshake without a certificate; this only keeps the rule whole.
  if (!leaf) return refuse('no-client-certificate', 'The device sent no certificate.');

  if (input.verifyError) {
    const { code, message } = await chainRefusal(input, chain);
    return refuse(code, message);
  }

  const usage = clientAuthProblem(leaf);
  if (usage) return refuse('no-client-auth-usage', usage);

  const id = await certificateId(globalThis.crypto, leaf.der);
  const status = await statusOf(input.registry, id);
  const refused = registryFailure(status);
  if (refused) return refuse(refused, registryMessage(id, status), status);

  return {
    chain,
    status,
    identity: await deviceIdentity(globalThis.crypto, leaf),
    failure: null,
  };
}

/** Why OpenSSL's chain check failed, said with what the registry knows. */
async function chainRefusal(
  input: AdmissionInput,
  chain: Certificate[],
): Promise<{ code: HandshakeFailure; message: string }> {
  const verifyError = input.verifyError!;
  const leaf = chain[0]!;
  const code = failureForChainError(verifyError);
  const quoted = `"${leaf.subject.text}"`;

  switch (code) {
    case 'client-certificate-expired': {
      const expired = chain.find((c) => c.validity.notAfter < input.now) ?? leaf;
      return {
        code,
        message: `The certificate "${expired.subject.text}" expired at ${iso(expired.validity.notAfter)}; the lab's clock says ${iso(input.now)}.`,
      };
    }
    case 'client-certificate-not-yet-valid': {
      const early = chain.find((c) => c.validity.notBefore > input.now) ?? leaf;
      return {
        code,
        message: `The certificate "${early.subject.text}" is valid only from ${iso(early.validity.notBefore)}; the lab's clock says ${iso(input.now)}.`,
      };
    }
    case 'no-client-auth-usage':
      return {
        code,
        message: clientAuthProblem(leaf) ?? `${quoted}: ${describeChainError(verifyError)}.`,
      };
    case 'unknown-ca':
      return unknownIssuer(input, chain);
    default:
      return { code, message: `The lab refused ${quoted}: ${describeChainError(verifyError)}.` };
  }
}

/** No path to an ACTIVE CA: an untrusted CA, an INACTIVE one, or an intermediate left out. */
async function unknownIssuer(
  input: AdmissionInput,
  chain: Certificate[],
): Promise<{ code: HandshakeFailure; message: string }> {
  const leaf = chain[0]!;
  const trustAnchors = input.trust.active.flatMap((ca) => certificatesIn(ca.pem));
  const known = input.trust.registered
    .filter((ca) => ca.status !== 'ACTIVE')
    .flatMap((ca) => certificatesIn(ca.pem));
  const missing = await explainUnknownIssuer(globalThis.crypto, {
    chain,
    trustAnchors,
    at: input.now,
    known,
  });
  if (missing) return { code: 'intermediate-missing', message: missing };

  const top = chain[chain.length - 1]!;
  const issuer = top.selfIssued ? top.subject.text : top.issuer.text;
  const registered = input.trust.registered.find((ca) => sameName(ca.subject, issuer));
  const trusted = input.trust.active.map((ca) => `"${ca.subject}"`).join(', ') || 'none';
  const why = registered
    ? `which is registered with the lab but ${registered.status}; only ACTIVE CAs are trusted`
    : `which is not a CA registered with the lab (ACTIVE CAs: ${trusted})`;
  const hint =
    chain.length === 1 && !leaf.selfIssued && !registered
      ? '. If that is an intermediate CA, send it after the device certificate in the same file'
      : '';
  return {
    code: 'unknown-ca',
    message: `The certificate "${leaf.subject.text}" chains to "${issuer}", ${why}${hint}.`,
  };
}

/** RFC 5280 §4.2.1.12: without the extension any use is allowed; with it, clientAuth must be listed. */
function clientAuthProblem(leaf: Certificate): string | null {
  const usages = leaf.extensions.extKeyUsage;
  if (!usages || usages.includes('clientAuth') || usages.includes('anyExtendedKeyUsage'))
    return null;
  return (
    `The certificate "${leaf.subject.text}" lists extendedKeyUsage ${usages.join(', ')}, without ` +
    'clientAuth, so it may not identify a device in TLS.'
  );
}

async function statusOf(
  registry: Pick<CertificateRegistry, 'describeCertificate'>,
  id: string,
): Promise<CertificateStatus | null> {
  try {
    return (await registry.describeCertificate(id)).status;
  } catch (error) {
    if (error instanceof RegistryError && error.code === 'certificate-not-found') return null;
    throw error;
  }
}

function certificatesIn(pem: string): Certificate[] {
  return decodeSync(pem).blocks.flatMap((block) =>
    block.status === 'decoded' && block.object.kind === 'certificate' ? [block.object] : [],
  );
}

// RFC 5280 §7.1 compares names without regard to case or repeated spaces.
function sameName(a: string, b: string): boolean {
  const canonical = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  return canonical(a) === canonical(b);
}

const iso = (date: Date) => date.toISOString().replace('.000', '');
