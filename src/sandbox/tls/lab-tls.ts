/**
 * The lab server's MQTT over mutual TLS, put together: the broker's certificate (issued at
 * start when the kept one does not fit, and again if the lab CA is replaced while running),
 * the trust read per connection, and the listener. lab-server.ts listens on `listener.server`.
 */
import type { LabCertificateRegistry } from '../../core/lab/registry/index.ts';
import type { LabBroker } from '../broker.ts';
import type { Logger } from '../log.ts';
import { createMtlsListener, type MtlsListener } from './mtls-listener.ts';
import {
  ensureServerCertificate,
  serverCertificateFiles,
  type ServerCredentials,
} from './server-certificate.ts';
import { serverNamesFor } from './server-names.ts';
import { createTrustSource } from './trust.ts';

export interface LabTlsOptions {
  registry: LabCertificateRegistry;
  broker: LabBroker;
  /** The --host the server binds; the certificate names it (server-names.ts). */
  host: string;
  dataDir?: string;
  /** `lab:tls`. */
  log: Logger;
}

export interface LabTls {
  listener: MtlsListener;
  /** The names the broker's certificate lists. */
  names: string[];
  /** The broker's current certificate. */
  credentials(): ServerCredentials;
}

export async function createLabTls(options: LabTlsOptions): Promise<LabTls> {
  const names = serverNamesFor(options.host);
  const ensure = async (kept: ServerCredentials | null) => {
    const { credentials, issued } = await ensureServerCertificate(
      {
        registry: options.registry,
        names,
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      },
      kept,
    );
    if (issued) {
      const where = options.dataDir
        ? ` file=${serverCertificateFiles(options.dataDir).certificate}`
        : '';
      options.log.info(`server certificate issued for ${names.join(', ')} (${issued})${where}`);
    }
    return credentials;
  };

  let current = await ensure(null);
  let renewing: Promise<ServerCredentials> | null = null;
  // The lab CA changes only when the lab is reset under a running server; then, once, reissue.
  const credentials = async (labCaPem: string) => {
    if (current.issuerPem === labCaPem) return current;
    renewing ??= ensure(current).finally(() => (renewing = null));
    current = await renewing;
    return current;
  };

  const listener = createMtlsListener({
    broker: options.broker,
    registry: options.registry,
    trust: createTrustSource({ registry: options.registry, credentials }),
    log: options.log,
  });
  return { listener, names, credentials: () => current };
}
