/**
 * The lab broker's own certificate for MQTT over TLS: issued by the lab CA (so a device that
 * trusts `ca/lab-root-ca.pem` trusts the broker), kept in the data folder as `tls/server.crt`
 * and `tls/server.key` (the key readable by its owner only), and issued afresh whenever the
 * kept one no longer fits: missing, unreadable, expired, not for the names the server is
 * reached by, or signed by a lab CA that has since been replaced (`npm run lab:reset`).
 * Without a data folder it lives in memory.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabCertificateRegistry } from '../../core/lab/registry/index.ts';
import { decodeSync, privateKeyPem, type Certificate } from '../../core/pki/index.ts';
import { issueLabServerCertificate } from '../../core/tls/lab-server-certificate.ts';
import { writeAtomically } from '../registry/atomic-write.ts';
import { sameNames } from './server-names.ts';

export interface ServerCredentials {
  certificatePem: string;
  privateKeyPem: string;
  /** The subjectAltName entries, as `localhost`, `127.0.0.1`. */
  names: string[];
  notAfter: Date;
  /** The lab CA certificate that issued it, PEM. */
  issuerPem: string;
}

export interface ServerCertificateOptions {
  registry: LabCertificateRegistry;
  /** What the certificate must list; see serverNamesFor. */
  names: string[];
  /** The lab's data folder; default: none, the certificate is kept in memory only. */
  dataDir?: string;
  /** Default: now. */
  now?: Date;
}

export interface EnsuredCredentials {
  credentials: ServerCredentials;
  /** Why a new certificate was issued (e.g. "the names changed"), or null when the kept one fits. */
  issued: string | null;
}

/** `tls/server.crt` and `tls/server.key` in the data folder. */
export function serverCertificateFiles(dataDir: string) {
  return {
    certificate: join(dataDir, 'tls', 'server.crt'),
    key: join(dataDir, 'tls', 'server.key'),
  };
}

/** The kept certificate when it still fits, otherwise a new one, written back to the data folder. */
export async function ensureServerCertificate(
  options: ServerCertificateOptions,
  kept: ServerCredentials | null = null,
): Promise<EnsuredCredentials> {
  const now = options.now ?? new Date();
  const ca = await options.registry.labCaAuthority();
  const issuerPem = (await options.registry.labCa()).pem;
  const current = kept ?? (options.dataDir ? await readKept(options.dataDir, issuerPem) : null);

  const problem = current ? whyReissue(current, issuerPem, options.names, now) : 'there was none';
  if (!problem) return { credentials: current!, issued: null };

  const made = await issueLabServerCertificate(globalThis.crypto, ca, options.names);
  const credentials: ServerCredentials = {
    certificatePem: made.pem,
    privateKeyPem: privateKeyPem(made.keyPair),
    names: [...options.names],
    notAfter: made.certificates[0]!.validity.notAfter,
    issuerPem,
  };
  if (options.dataDir) await keep(options.dataDir, credentials);
  return { credentials, issued: problem };
}

/** Why the kept certificate cannot serve, or null when it can. */
function whyReissue(
  kept: ServerCredentials,
  issuerPem: string,
  names: string[],
  now: Date,
): string | null {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(kept.certificatePem);
    if (!certificate.checkPrivateKey(createPrivateKey(kept.privateKeyPem))) {
      return 'its key does not match it';
    }
  } catch (error) {
    return `it could not be read (${(error as Error).message})`;
  }

  const issuer = new X509Certificate(issuerPem);
  if (!certificate.checkIssued(issuer) || !certificate.verify(issuer.publicKey)) {
    return 'the lab CA changed';
  }
  // A day's margin, so a certificate is never served in its last hours.
  if (new Date(certificate.validTo).getTime() - 86_400_000 < now.getTime()) return 'it expired';
  if (new Date(certificate.validFrom).getTime() > now.getTime()) return 'it is not valid yet';
  if (!sameNames(kept.names, names)) {
    return `the names changed (it lists ${kept.names.join(', ')}; the server needs ${names.join(', ')})`;
  }
  return null;
}

async function readKept(dataDir: string, issuerPem: string): Promise<ServerCredentials | null> {
  const files = serverCertificateFiles(dataDir);
  const [certificatePem, keyPem] = await Promise.all([
    readIfThere(files.certificate),
    readIfThere(files.key),
  ]);
  if (certificatePem === null || keyPem === null) return null;

  const certificate = firstCertificate(certificatePem);
  return {
    certificatePem,
    privateKeyPem: keyPem,
    names: (certificate?.extensions.subjectAltName ?? []).map((entry) => entry.value),
    notAfter: certificate?.validity.notAfter ?? new Date(0),
    issuerPem,
  };
}

// The key first: a certificate on disk without its key would be reissued next start anyway.
async function keep(dataDir: string, credentials: ServerCredentials): Promise<void> {
  const files = serverCertificateFiles(dataDir);
  await writeAtomically(files.key, credentials.privateKeyPem, 0o600);
  await writeAtomically(files.certificate, credentials.certificatePem, 0o644);
}

function firstCertificate(pem: string): Certificate | null {
  for (const block of decodeSync(pem).blocks) {
    if (block.status === 'decoded' && block.object.kind === 'certificate') return block.object;
  }
  return null;
}

async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
