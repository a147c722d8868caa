import { useEffect, useState } from 'preact/hooks';

/**
 * False in the built HTML, true once the island runs in the page. Widgets expose it as
 * `data-ready`, which tests wait for before typing (typing into HTML that is not yet
 * hydrated is lost).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
