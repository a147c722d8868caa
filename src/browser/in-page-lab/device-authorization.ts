/**
 * The in-page lab's way to ask the registry what a device may do: it reads the registry the
 * page keeps in IndexedDB on every request, and hears the page's word that it changed, so the
 * broker applies a change at once. Only the registry's reading code is loaded here: the PKI
 * code the page uses to write it stays out of the worker.
 */
import { registryAuthorizer, type DeviceAuthorizer } from '../../core/lab/device-authorizer.ts';
import { factsFromState } from '../../core/lab/registry/connection-facts.ts';
import {
  emptyRegistryState,
  parseRegistryState,
  type RegistryState,
} from '../../core/lab/registry/registry-state.ts';
import { hearRegistryChanges } from '../registry/registry-news.ts';
import type { RegistryStore } from './registry-store.ts';

// The key the page's registry saves its document under (src/browser/registry/indexeddb-storage.ts).
const COLLECTION = 'certificate-registry';
const KEY = 'state';

/** Reads devices' policies from the in-page registry's saved document. */
export function inPageAuthorizer(store: () => Promise<RegistryStore>): DeviceAuthorizer {
  return registryAuthorizer({
    async connectionFacts(certificateId, clientId) {
      const saved: unknown = await (await store()).get(COLLECTION, KEY);
      const state: RegistryState =
        saved === undefined
          ? emptyRegistryState()
          : parseRegistryState(saved, {
              where: 'The in-page lab’s saved registry (IndexedDB "handshake-lab")',
              reset: "clear this site's data in the browser",
            });
      return factsFromState(state, certificateId, clientId);
    },
  });
}

/** Re-reads the broker's devices whenever a page changes the registry; returns how to stop. */
export function followRegistry(broker: { registryChanged(): Promise<void> }): () => void {
  return hearRegistryChanges(() => void broker.registryChanged());
}
