/**
 * The three Reflect metadata functions tsyringe needs before @peculiar/x509 can load. tsyringe
 * throws at import time unless a "reflect-metadata" polyfill is present, and @peculiar/x509
 * never stores metadata of its own (it is compiled without emitDecoratorMetadata), so a small
 * map-backed store is enough. An existing polyfill is left alone.
 */

type MetadataKey = unknown;
type Store = WeakMap<object, Map<string | symbol | undefined, Map<MetadataKey, unknown>>>;

interface ReflectMetadata {
  getMetadata?: (key: MetadataKey, target: object, property?: string | symbol) => unknown;
  getOwnMetadata?: (key: MetadataKey, target: object, property?: string | symbol) => unknown;
  defineMetadata?: (
    key: MetadataKey,
    value: unknown,
    target: object,
    property?: string | symbol,
  ) => void;
}

export function installReflectMetadata(): void {
  const reflect = Reflect as unknown as ReflectMetadata;
  if (typeof reflect.getMetadata === 'function') return;

  const store: Store = new WeakMap();
  const own = (target: object, property: string | symbol | undefined, create: boolean) => {
    let byProperty = store.get(target);
    if (!byProperty && create) store.set(target, (byProperty = new Map()));
    let entries = byProperty?.get(property);
    if (!entries && create && byProperty) byProperty.set(property, (entries = new Map()));
    return entries;
  };

  reflect.defineMetadata = (key, value, target, property) => {
    own(target, property, true)!.set(key, value);
  };
  reflect.getOwnMetadata = (key, target, property) => own(target, property, false)?.get(key);
  reflect.getMetadata = (key, target, property) => {
    for (let at: object | null = target; at; at = Object.getPrototypeOf(at) as object | null) {
      const entries = own(at, property, false);
      if (entries?.has(key)) return entries.get(key);
    }
    return undefined;
  };
}
