/**
 * Mutual TLS with the in-page lab, from the page: the modelled handshake alone (for the
 * handshake widgets, with its full report), and the gallery's cases built from the in-page lab
 * CA and registered. Before either, the page makes sure the in-page broker has a certificate
 * from the current lab CA (the worker only reads it; see tls-gate.ts).
 */
import { createCertificateRegistry, type Serialise } from '../../core/lab/registry/index.ts';
import type { BrokenSetupId } from '../../core/tls/broken-setups.ts';
import {
  buildBrokenSetup,
  registerBrokenSetup,
  type BrokenSetupMaterials,
  type BrokenSetupOptions,
} from '../../core/tls/broken-setup-builder.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import type { DeviceTls } from '../../core/tls/lab-handshake.ts';
import { issueLabServerCertificate } from '../../core/tls/lab-server-certificate.ts';
import { privateKeyPem } from '../../core/pki/key-pair.ts';
import { indexedDbStorage } from '../registry/indexeddb-storage.ts';
import { REGISTRY_LOCK } from '../registry/in-page-registry.ts';
import { loadBrokerCredentials, saveBrokerCredentials } from './broker-credentials.ts';
import {
  openRegistryStore,
  type RegistryStore,
  type RegistryStoreOptions,
} from './registry-store.ts';

export type { DeviceTls } from '../../core/tls/lab-handshake.ts';

/** The in-page lab's handshake alone: its report, connected or not. `at` moves both clocks. */
export async function probeInPageTls(tls: DeviceTls, at?: Date): Promise<HandshakeReport> {
  await prepareInPageTls();
  const { inPageLab } = await import('./lab-worker.ts');
  return (await inPageLab()).probeTls(tls, at);
}

/**
 * A gallery case for the in-page lab: built from its lab CA, with its CAs and device
 * certificate registered in the in-page registry. Run it with probeInPageTls, passing
 * `unsentPem` along so a missing intermediate is named.
 */
export async function buildInPageBrokenSetup(
  id: BrokenSetupId,
  options: BrokenSetupOptions = {},
): Promise<BrokenSetupMaterials> {
  const registry = labRegistry();
  const materials = await buildBrokenSetup(
    globalThis.crypto,
    id,
    { ca: await registry.labCaAuthority() },
    options,
  );
  await registerBrokenSetup(registry, materials);
  return materials;
}

/**
 * Makes sure the lab CA exists and the in-page broker holds a certificate it issued; once per
 * lab CA. Exported for tests, which run the worker's side in Node.
 */
export async function prepareInPageTls(options: RegistryStoreOptions = {}): Promise<void> {
  const registry = labRegistry(options);
  const labCa = await registry.labCa();
  const store = await storeFor(options);
  const kept = await loadBrokerCredentials(store);
  if (kept?.caCertificateId === labCa.caCertificateId) return;

  const issued = await issueLabServerCertificate(
    globalThis.crypto,
    await registry.labCaAuthority(),
  );
  await saveBrokerCredentials(store, {
    caCertificateId: labCa.caCertificateId,
    certificatePem: issued.pem,
    privateKeyPem: privateKeyPem(issued.keyPair),
  });
}

// One open database per IndexedDB (tests give their own) and name.
const stores = new WeakMap<object, Map<string, Promise<RegistryStore>>>();
const DEFAULT_FACTORY = {};

function storeFor(options: RegistryStoreOptions): Promise<RegistryStore> {
  const factoryKey = options.factory ?? DEFAULT_FACTORY;
  const byName = stores.get(factoryKey) ?? new Map<string, Promise<RegistryStore>>();
  stores.set(factoryKey, byName);
  const name = options.name ?? 'handshake-lab';
  let store = byName.get(name);
  if (!store) {
    store = openRegistryStore(options);
    store.catch(() => byName.delete(name));
    byName.set(name, store);
  }
  return store;
}

/** The in-page registry with the lab CA as a signer, under the same Web Lock as the page's. */
function labRegistry(options: RegistryStoreOptions = {}) {
  return createCertificateRegistry(
    indexedDbStorage(() => storeFor(options)),
    globalThis.crypto,
    () => new Date(),
    underWebLock(),
  );
}

function underWebLock(): { exclusive?: Serialise } {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return {};

  const exclusive: Serialise = <T>(operation: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      locks.request(REGISTRY_LOCK, () => operation().then(resolve, reject)).catch(reject);
    });
  return { exclusive };
}
