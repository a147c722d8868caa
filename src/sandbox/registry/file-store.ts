/**
 * The lab server's registry on disk (DESIGN.md, "registry on disk as one JSON file written
 * atomically"): `registry.json` in the data folder, checked before every operation so that the
 * server and `handshake cert …` on the same folder see each other's changes. The lab CA is also
 * written as `ca/lab-root-ca.pem` and `ca/lab-root-ca.key` for native tools (`--cafile`).
 */
import { readFile, rename as renameFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseRegistryState,
  registryError,
  type RegistryState,
  type RegistryStorage,
} from '../../core/lab/registry/index.ts';
import { writeAtomically } from './atomic-write.ts';
import { labCaFiles, writeLabCaFiles } from './lab-ca-files.ts';

export const REGISTRY_FILE = 'registry.json';

export interface FileStoreOptions {
  /** Replaces `fs.rename`; tests make it throw to show that a failed write loses nothing. */
  rename?: (from: string, to: string) => Promise<void>;
}

export interface FileStore extends RegistryStorage {
  /** Where the registry and the lab CA files are. */
  paths: { registry: string; caCertificate: string; caKey: string };
}

export function createFileStore(dataDir: string, options: FileStoreOptions = {}): FileStore {
  const registry = join(dataDir, REGISTRY_FILE);
  const ca = labCaFiles(dataDir);
  const rename = options.rename ?? renameFile;
  let parsed: { stamp: string; state: RegistryState } | null = null;

  return {
    paths: { registry, caCertificate: ca.certificate, caKey: ca.key },

    async load() {
      // Every broker decision for a device reads the registry, so the file is parsed again
      // only when it changed (another process writes it by renaming a new file in its place).
      const stamp = await stampOf(registry);
      if (stamp === null) {
        parsed = null;
        return null;
      }
      if (parsed?.stamp !== stamp) {
        const text = await readIfThere(registry);
        if (text === null) return null;
        const state = parseRegistryState(parseJson(text, registry), {
          where: registry,
          reset: 'run `npm run lab:reset` to start afresh',
        });
        parsed = { stamp, state };
        await writeLabCaFiles(dataDir, state, rename);
      } else if (await caFilesAmiss(ca)) {
        // The CA files are copies for native tools: put them back if someone removed them.
        await writeLabCaFiles(dataDir, parsed.state, rename);
      }
      return structuredClone(parsed.state);
    },

    async save(state: RegistryState) {
      // registry.json holds the lab CA's private key, so only its owner may read it.
      await writeAtomically(registry, `${JSON.stringify(state, null, 2)}\n`, 0o600, rename);
      await writeLabCaFiles(dataDir, state, rename);
    },
  };
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw registryError(
      'registry-unreadable',
      `${path} is not JSON (${(error as Error).message}). Fix it, or run \`npm run lab:reset\` ` +
        'to start afresh, which forgets every CA and certificate.',
    );
  }
}

/** Which version of the file is there (inode, size, modification time), or null for none. */
async function stampOf(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return `${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether a CA file was removed, or the key opened up to others, since the last check. */
async function caFilesAmiss(ca: { certificate: string; key: string }): Promise<boolean> {
  const [certificate, key] = await Promise.all([
    stat(ca.certificate).catch(() => null),
    stat(ca.key).catch(() => null),
  ]);
  return !certificate || !key || (key.mode & 0o777) !== 0o600;
}

async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
