import type { Plugin as EsbuildPlugin } from 'esbuild';
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

/** Vite plugin for the in-page lab's worker bundle in a build (`vite.worker.plugins`). */
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

/**
 * The same for `astro dev` (`vite.plugins`). There the worker's modules go through the page's
 * pipeline, and its dependencies are pre-bundled by esbuild, so both get the replacements.
 * Pages import no Node built-in on purpose; if one did, it would get these, not a stub.
 */
export function inPageLabDevShims(): Plugin {
  return {
    ...inPageLabShims(),
    name: 'handshake:in-page-lab-shims-dev',
    apply: 'serve',
    config: () => ({ optimizeDeps: { esbuildOptions: { plugins: [esbuildShims()] } } }),
  };
}

/** The replacements for esbuild, which pre-bundles dependencies under `astro dev`. */
export function esbuildShims(): EsbuildPlugin {
  const builtins = new RegExp(`^(node:)?(${SHIMMED_BUILTINS.join('|')})/?$`);
  const namespace = 'handshake-node-shim';
  return {
    name: 'handshake:in-page-lab-shims',
    setup(build) {
      build.onResolve({ filter: builtins }, async (args) => {
        if (args.pluginData === 'shimmed') return undefined;

        const replacement: { package: string } | { file: string } =
          REPLACEMENTS[builtinName(args.path)!];
        if ('file' in replacement) return { path: `${HERE}${replacement.file}`, namespace };
        const found = await build.resolve(replacement.package, {
          kind: args.kind,
          resolveDir: HERE,
          pluginData: 'shimmed',
        });
        if (found.errors.length > 0) return { errors: found.errors };
        const { path, external, namespace: where, sideEffects } = found;
        return { path, external, namespace: where, sideEffects };
      });
      // CommonJS callers get the default export, as Node gives them `assert` itself: esbuild
      // would hand them the module namespace, which cannot be called.
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents:
          `const shim = require(${JSON.stringify(args.path)});\n` +
          'module.exports = Object.assign(shim.default, shim);\n',
        loader: 'js',
        resolveDir: HERE,
      }));
    },
  };
}
