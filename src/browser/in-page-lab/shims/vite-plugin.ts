import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/*
 * Build-time only: this runs in Vite, in Node. aedes and its dependencies import Node's
 * built-in modules; in a browser build Vite would replace each with an empty stub, and the
 * broker would fail only when it runs. This plugin gives the in-page lab's worker real ones.
 */

/** Each Node built-in the broker imports, and what the worker gets in its place. */
const REPLACEMENTS = {
  events: { package: 'events' },
  buffer: { package: 'buffer' },
  stream: { package: 'readable-stream' },
  process: { file: 'process.ts' },
  util: { file: 'util.ts' },
  assert: { file: 'assert.ts' },
  crypto: { file: 'crypto.ts' },
} as const satisfies Record<string, { package: string } | { file: string }>;

export type ShimmedBuiltin = keyof typeof REPLACEMENTS;
export const SHIMMED_BUILTINS = Object.keys(REPLACEMENTS) as ShimmedBuiltin[];

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** `node:events`, `events` and `events/` all name the same built-in. */
export function builtinName(id: string): ShimmedBuiltin | null {
  const name = id.replace(/^node:/, '').replace(/\/$/, '');
  return name in REPLACEMENTS ? (name as ShimmedBuiltin) : null;
}

/** Vite plugin for the in-page lab's worker bundle (`vite.worker.plugins`). */
export function inPageLabShims(): Plugin {
  return {
    name: 'handshake:in-page-lab-shims',
    // Before vite:resolve, which would turn `node:` imports into empty browser stubs.
    enforce: 'pre',
    async resolveId(id, _importer, options) {
      if (options.ssr) return null;
      const name = builtinName(id);
      if (!name) return null;

      const replacement: { package: string } | { file: string } = REPLACEMENTS[name];
      if ('file' in replacement) return `${HERE}${replacement.file}`;
      // Resolved from here, so the project's pinned copy is used whoever imports it.
      return this.resolve(replacement.package, `${HERE}vite-plugin.ts`, { skipSelf: true });
    },
  };
}
