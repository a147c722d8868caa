/**
 * The in-page broker's certificate and key, kept in the in-page registry's IndexedDB so the
 * page (which issues them with the lab CA) and the lab's worker (which answers handshakes with
 * them) share one. Each is tied to the lab CA that issued it: a reset registry means a new one.
 */
import type { RegistryStore } from './registry-store.ts';

export interface BrokerCredentialsRecord {
  /** The lab CA that issued the certificate. */
  caCertificateId: string;
  certificatePem: string;
  /** PKCS #8 PEM. The in-page lab lives in this browser, as does its CA's key. */
  privateKeyPem: string;
}

declare module './registry-store.ts' {
  interface RegistryCollections {
    /** The in-page broker's TLS certificate and key, under the key `broker`. */
    'tls-server': BrokerCredentialsRecord;
  }
}

const KEY = 'broker';

export function loadBrokerCredentials(store: RegistryStore) {
  return store.get('tls-server', KEY);
}

export function saveBrokerCredentials(store: RegistryStore, record: BrokerCredentialsRecord) {
  return store.put('tls-server', KEY, record);
}
