/**
 * What the certificate widgets keep in this browser (localStorage): the learner's own CA,
 * device certificate and keys, and what they typed. Nothing here is sent anywhere.
 */

/** Every key the certificate widgets write, so "Forget" can remove them all. */
export const STORAGE_KEYS = {
  identities: 'handshake.pki.identities',
  workshopInput: 'handshake.pki.workshop-input',
  inspector: 'handshake.pki.inspector',
  chain: 'handshake.pki.chain',
} as const;

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/** The saved value, or `fallback` when there is none, it is corrupt, or storage is blocked. */
export function readSaved<T>(
  key: StorageKey,
  fallback: T,
  isValid: (value: unknown) => boolean,
): T {
  try {
    const text = globalThis.localStorage?.getItem(key);
    if (text == null) return fallback;
    const value: unknown = JSON.parse(text);
    return isValid(value) ? (value as T) : fallback;
  } catch {
    // Corrupt JSON or storage disabled (private mode): start from nothing, as on a first visit.
    return fallback;
  }
}

/** Saves a value; returns false when the browser refuses (storage off or full). */
export function writeSaved(key: StorageKey, value: unknown): boolean {
  try {
    if (!globalThis.localStorage) return false;
    globalThis.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeSaved(key: StorageKey): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Storage that cannot be read holds nothing of ours to remove.
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
