/**
 * The in-page lab's registry: the shared registry logic over IndexedDB, in the page itself.
 * It needs no worker round trip: IndexedDB and Web Locks work the same in the page and in the
 * lab's worker, so the broker there can open the same database and see the same records.
 */
import type { LabRegistry } from '../../core/lab/iot-registry.ts';
import { createCertificateRegistry, type Serialise } from '../../core/lab/registry/index.ts';
import {
  openRegistryStore,
  type RegistryStore,
  type RegistryStoreOptions,
} from '../in-page-lab/registry-store.ts';
import { indexedDbStorage } from './indexeddb-storage.ts';
import { announceRegistryChange } from './registry-news.ts';

/** One lock name for every tab and worker of this origin that writes the registry. */
export const REGISTRY_LOCK = 'handshake-certificate-registry';

export interface InPageRegistry extends LabRegistry {
  /** Closes the database; a later call opens it again. */
  close(): void;
}

export function inPageRegistry(options: RegistryStoreOptions = {}): InPageRegistry {
  let opened: Promise<RegistryStore> | null = null;
  const store = () => {
    opened ??= openRegistryStore(options).catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };

  const registry = createCertificateRegistry(
    indexedDbStorage(store),
    globalThis.crypto,
    () => new Date(),
    { ...acrossTabs(), onChange: () => announceRegistryChange() },
  );
  return {
    ...registry,
    close() {
      opened?.then((s) => s.close());
      opened = null;
    },
  };
}

/**
 * Two tabs each load, change and save the whole state; a Web Lock held over each operation
 * keeps one tab from saving over the other's change. Without Web Locks (old browsers, Node
 * tests) only this registry's own queue orders the calls.
 */
function acrossTabs(): { exclusive?: Serialise } {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return {};

  const exclusive: Serialise = <T>(operation: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      // The lock is held until the callback's promise settles: until the operation has.
      locks.request(REGISTRY_LOCK, () => operation().then(resolve, reject)).catch(reject);
    });
  return { exclusive };
}
