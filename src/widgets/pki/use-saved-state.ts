import { useEffect, useRef, useState } from 'preact/hooks';
import { readSaved, writeSaved, type StorageKey } from './browser-storage.ts';

/**
 * State kept in localStorage, so typed text survives a reload. Read after hydration (the built
 * HTML shows `initial`), written on every change.
 */
export function useSavedState<T>(
  key: StorageKey,
  initial: T,
  isValid: (value: unknown) => boolean,
): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(initial);
  const loaded = useRef(false);

  useEffect(() => {
    setValue(readSaved(key, initial, isValid));
    loaded.current = true;
  }, [key]);

  const set = (next: T) => {
    setValue(next);
    if (loaded.current) writeSaved(key, next);
  };
  return [value, set];
}
