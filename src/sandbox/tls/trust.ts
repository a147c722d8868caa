/**
 * What the mutual TLS listener trusts at the moment a device connects: the CAs registered with
 * the lab and ACTIVE (AWS IoT's rule for CA certificates), read from the registry for every
 * connection, so that `handshake cert …` in another terminal, or a page, changes what the next
 * handshake accepts. Each set of CAs gets one TLS context, made once and reused.
 */
import { createSecureContext, type SecureContext } from 'node:tls';
import type { CaRecord } from '../../core/lab/certificate-registry.ts';
import type { LabCertificateRegistry } from '../../core/lab/registry/index.ts';
import type { ServerCredentials } from './server-certificate.ts';

export interface Trust {
  context: SecureContext;
  /** The CAs a device certificate may chain to, which the CertificateRequest names. */
  active: CaRecord[];
  /** Every registered CA, ACTIVE or not, to explain a refusal. */
  registered: CaRecord[];
  /** The broker's own certificate in this context. */
  server: ServerCredentials;
}

export interface TrustOptions {
  registry: LabCertificateRegistry;
  /** The broker's certificate for the current lab CA (reissued when the CA changed). */
  credentials(labCaPem: string): Promise<ServerCredentials>;
}

export function createTrustSource(options: TrustOptions): () => Promise<Trust> {
  let cached: { key: string; context: SecureContext } | null = null;

  return async function currentTrust(): Promise<Trust> {
    const registered = await options.registry.listCas();
    const active = registered.filter((ca) => ca.status === 'ACTIVE');
    const labCa = registered.find((ca) => ca.isLabCa);
    const server = await options.credentials(labCa?.pem ?? '');

    const key = [server.certificatePem, ...active.map((ca) => ca.caCertificateId).sort()].join();
    if (cached?.key !== key) cached = { key, context: contextFor(server, active) };
    return { context: cached.context, active, registered, server };
  };
}

function contextFor(server: ServerCredentials, active: CaRecord[]): SecureContext {
  return createSecureContext({
    cert: server.certificatePem,
    key: server.privateKeyPem,
    // Always a list: without `ca`, Node would trust its bundle of public root CAs instead.
    ca: active.map((ca) => ca.pem),
    minVersion: 'TLSv1.2',
    // A registered intermediate CA is trusted on its own, as AWS IoT trusts any registered CA,
    // without its root being registered too (X509_V_FLAG_PARTIAL_CHAIN).
    allowPartialTrustChain: true,
  } as Parameters<typeof createSecureContext>[0]);
}
