import type { RetainedRecord } from './retained-messages.ts';

/**
 * What each collection of the in-page registry holds. Every record is plain JSON, keyed by a
 * string within its collection; certificates, policies and things join this list later.
 */
export interface RegistryCollections {
  retained: RetainedRecord;
}

export type Collection = keyof RegistryCollections;

/** A small typed key-value store over IndexedDB: the in-page lab's registry, kept by the browser. */
export interface RegistryStore {
  get<C extends Collection>(
    collection: C,
    key: string,
  ): Promise<RegistryCollections[C] | undefined>;
  /** Resolves once the record is committed, so it survives a reload from then on. */
  put<C extends Collection>(
    collection: C,
    key: string,
    record: RegistryCollections[C],
  ): Promise<void>;
  delete(collection: Collection, key: string): Promise<void>;
  /** Every record of a collection, in key order. */
  list<C extends Collection>(
    collection: C,
  ): Promise<Array<{ key: string; record: RegistryCollections[C] }>>;
  close(): void;
}

export interface RegistryStoreOptions {
  /** The IndexedDB database; default `handshake-lab`. */
  name?: string;
  /** Where IndexedDB comes from; default the global `indexedDB`. */
  factory?: IDBFactory;
}

const VERSION = 1;
// One object store for every collection, keyed [collection, key], so that a new collection
// needs no schema upgrade (and no version change that other open tabs would have to allow).
const RECORDS = 'records';

export async function openRegistryStore(
  options: RegistryStoreOptions = {},
): Promise<RegistryStore> {
  const db = await openDatabase(options.factory ?? indexedDB, options.name ?? 'handshake-lab');

  const run = async <T>(
    mode: IDBTransactionMode,
    step: (store: IDBObjectStore) => IDBRequest<T>,
  ) => {
    const transaction = db.transaction(RECORDS, mode);
    const [result] = await Promise.all([
      settle(step(transaction.objectStore(RECORDS))),
      completion(transaction),
    ]);
    return result;
  };
  // Keys sort [collection] < [collection, any string] < [collection, []]: arrays after strings.
  const everyKeyOf = (collection: Collection) => IDBKeyRange.bound([collection], [collection, []]);

  return {
    get: (collection, key) => run('readonly', (store) => store.get([collection, key])),
    put: async (collection, key, record) => {
      await run('readwrite', (store) => store.put(record, [collection, key]));
    },
    delete: async (collection, key) => {
      await run('readwrite', (store) => store.delete([collection, key]));
    },
    list: async (collection) => {
      const transaction = db.transaction(RECORDS, 'readonly');
      const store = transaction.objectStore(RECORDS);
      const [keys, records] = await Promise.all([
        settle(store.getAllKeys(everyKeyOf(collection))),
        settle(store.getAll(everyKeyOf(collection))),
      ]);
      return keys.map((key, index) => ({
        key: (key as [string, string])[1],
        record: records[index],
      }));
    },
    close: () => db.close(),
  };
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(RECORDS)) {
        request.result.createObjectStore(RECORDS);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer version of the course in another tab wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    // No onblocked: every tab closes on versionchange (above), so a wait for one is short.
    request.onerror = () => reject(request.error);
  });
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function completion(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
  });
}
