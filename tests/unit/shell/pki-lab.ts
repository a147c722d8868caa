/**
 * A shell with WebCrypto (Node's) and, when asked, an in-memory lab registry, for the openssl
 * and aws iot tests; its clock starts at the real time, so certificates made here are valid now.
 */
import { createCertificateRegistry, memoryStorage } from '../../../src/core/lab/registry/index.ts';
import type { CryptoPort } from '../../../src/core/pki/index.ts';
import { MemoryFileArea, Shell } from '../../../src/core/shell/index.ts';
import type { RegistryPort } from '../../../src/core/shell/registry-port.ts';
import { FakeBroker, ManualClock } from './fakes.ts';

export const crypto: CryptoPort = globalThis.crypto;

export function makePkiLab(options: { registry?: boolean; files?: Record<string, string> } = {}) {
  const files = new MemoryFileArea(options.files ?? {});
  const clock = new ManualClock();
  clock.advance(Date.now());
  const registry = options.registry
    ? createCertificateRegistry(memoryStorage(), crypto, () => new Date(clock.now()))
    : undefined;
  const port: RegistryPort | undefined = registry && {
    open: async () => ({
      ok: true,
      label: 'In-page lab',
      registry,
      endpoint: 'in-page lab (no network address)',
    }),
  };
  const shell = new Shell({
    files,
    mqtt: new FakeBroker(),
    clock,
    crypto,
    ...(port ? { registry: port } : {}),
  });
  return { shell, files, clock, registry };
}
