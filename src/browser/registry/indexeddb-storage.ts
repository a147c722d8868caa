/**
 * The in-page registry's state in IndexedDB, through the in-page lab's typed key-value store:
 * one record, written in one transaction, so a reload finds either the old state or the new.
 */
import {
  parseRegistryState,
  type RegistryState,
  type RegistryStorage,
} from '../../core/lab/registry/index.ts';
import type { RegistryStore } from '../in-page-lab/registry-store.ts';

declare module '../in-page-lab/registry-store.ts' {
  interface RegistryCollections {
    /** The certificate registry's whole state, under the key `state`. */
    'certificate-registry': RegistryState;
  }
}

const COLLECTION = 'certificate-registry';
const KEY = 'state';

export function indexedDbStorage(store: () => Promise<RegistryStore>): RegistryStorage {
  return {
    async load() {
      const state = await (await store()).get(COLLECTION, KEY);
      if (state === undefined) return null;

      return parseRegistryState(state, {
        where: 'The in-page lab’s saved registry (IndexedDB "handshake-lab")',
        reset: "clear this site's data in the browser",
      });
    },
    async save(state) {
      await (await store()).put(COLLECTION, KEY, state);
    },
  };
}
