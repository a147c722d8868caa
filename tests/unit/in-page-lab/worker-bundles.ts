import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build as viteBuild, type Rollup } from 'vite';
import {
  esbuildShims,
  inPageLabShims,
} from '../../../src/browser/in-page-lab/shims/vite-plugin.ts';

/** The in-page lab's worker, bundled for a browser. */
export interface WorkerBundle {
  code: string;
  /** Every module in the bundle, as the bundler names it (absolute paths for files). */
  modules: string[];
  /** What the bundler warned about. */
  warnings: string[];
}

const WORKER = fileURLToPath(
  new URL('../../../src/browser/in-page-lab/worker.ts', import.meta.url),
);

/** As `astro build` bundles it: Vite (Rollup) with the shims of `vite.worker.plugins`. */
export async function bundleWithVite(): Promise<WorkerBundle> {
  const warnings: string[] = [];
  const result = (await viteBuild({
    configFile: false,
    logLevel: 'silent',
    plugins: [inPageLabShims()],
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      rollupOptions: {
        input: WORKER,
        output: { format: 'iife' },
        onwarn: (warning) => warnings.push(warning.message),
      },
    },
  })) as Rollup.RollupOutput;
  const chunk = result.output.find((item): item is Rollup.OutputChunk => item.type === 'chunk')!;
  return { code: chunk.code, modules: Object.keys(chunk.modules), warnings };
}

/**
 * As `astro dev` pre-bundles its dependencies: with the esbuild that Vite itself uses and
 * the shims' esbuild plugin. An unresolved built-in is a build error here.
 */
export async function bundleWithEsbuild(): Promise<WorkerBundle> {
  const fromVite = createRequire(createRequire(import.meta.url).resolve('vite'));
  const esbuild = fromVite('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [WORKER],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    plugins: [esbuildShims()],
  });
  return {
    code: result.outputFiles[0]!.text,
    modules: Object.keys(result.metafile.inputs).map((input) =>
      input.replace(/^[\w-]+:/, '').replace(/^(?!\/)/, `${process.cwd()}/`),
    ),
    warnings: result.warnings.map((warning) => warning.text),
  };
}
