import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openRegistryStore,
  type Collection,
  type RegistryStore,
} from '../../../src/browser/in-page-lab/registry-store.ts';
import type { RetainedRecord } from '../../../src/browser/in-page-lab/retained-messages.ts';

const record = (topic: string, payload = 'aGk='): RetainedRecord => ({
  topic,
  payload,
  qos: 1,
  savedAt: '2026-01-01T00:00:00.000Z',
});

// Later issues add collections; this one stands for them, to show collections stay apart.
const LATER = 'certificates' as Collection;

describe('the in-page registry store (IndexedDB)', () => {
  const open: RegistryStore[] = [];
  const openStore = async (factory: IDBFactory, name = 'test-registry') => {
    const store = await openRegistryStore({ factory, name });
    open.push(store);
    return store;
  };

  afterEach(() => {
    open.splice(0).forEach((store) => store.close());
  });

  it('gives back what was put, and nothing for a key never put', async () => {
    const store = await openStore(new IDBFactory());

    await store.put('retained', 'lab/a', record('lab/a'));

    expect(await store.get('retained', 'lab/a')).toEqual(record('lab/a'));
    expect(await store.get('retained', 'lab/b')).toBeUndefined();
  });

  it('replaces a record put again under the same key', async () => {
    const store = await openStore(new IDBFactory());
    await store.put('retained', 'lab/a', record('lab/a', 'b25l'));

    await store.put('retained', 'lab/a', record('lab/a', 'dHdv'));

    expect(await store.list('retained')).toEqual([
      { key: 'lab/a', record: record('lab/a', 'dHdv') },
    ]);
  });

  it('lists one collection in key order, and never another collection', async () => {
    const store = await openStore(new IDBFactory());
    await store.put('retained', 'lab/b', record('lab/b'));
    await store.put('retained', 'lab/a', record('lab/a'));
    await store.put(LATER, 'lab/a', record('not retained') as never);

    expect((await store.list('retained')).map(({ key }) => key)).toEqual(['lab/a', 'lab/b']);
    expect((await store.list(LATER)).map(({ key }) => key)).toEqual(['lab/a']);
  });

  it('keys are exact strings: "" and keys that sort at the edges are kept apart', async () => {
    const store = await openStore(new IDBFactory());
    for (const key of ['', '\u0000', 'z', '\uffff']) await store.put('retained', key, record(key));

    expect((await store.list('retained')).map(({ key }) => key)).toEqual([
      '',
      '\u0000',
      'z',
      '\uffff',
    ]);
  });

  it('forgets a deleted record and leaves the others', async () => {
    const store = await openStore(new IDBFactory());
    await store.put('retained', 'lab/a', record('lab/a'));
    await store.put('retained', 'lab/b', record('lab/b'));

    await store.delete('retained', 'lab/a');

    expect(await store.get('retained', 'lab/a')).toBeUndefined();
    expect((await store.list('retained')).map(({ key }) => key)).toEqual(['lab/b']);
  });

  it('still has every record when the page opens it again, as after a reload', async () => {
    const browserStorage = new IDBFactory();
    const before = await openStore(browserStorage);
    await before.put('retained', 'lab/a', record('lab/a'));
    before.close();

    const after = await openStore(browserStorage);

    expect(await after.list('retained')).toEqual([{ key: 'lab/a', record: record('lab/a') }]);
  });

  it('uses the global indexedDB when given no factory', async () => {
    const store = await openRegistryStore({ name: 'test-registry-global' });
    open.push(store);
    await store.put('retained', 'lab/g', record('lab/g'));

    expect(await store.get('retained', 'lab/g')).toEqual(record('lab/g'));
  });
});
