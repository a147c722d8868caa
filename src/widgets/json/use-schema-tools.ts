import { useEffect, useState } from 'preact/hooks';

export type SchemaTools = typeof import('./schema-tools.ts');

let loaded: SchemaTools | null = null;
let loading: Promise<SchemaTools> | null = null;

/** The schema tools once loaded (one fetch per page, shared by every JSON widget); null before. */
export function useSchemaTools(): SchemaTools | null {
  const [tools, setTools] = useState(loaded);
  useEffect(() => {
    if (tools) return;
    let live = true;
    loading ??= import('./schema-tools.ts').then((module) => (loaded = module));
    void loading.then((module) => live && setTools(module));
    return () => {
      live = false;
    };
  }, [tools]);
  return tools;
}
