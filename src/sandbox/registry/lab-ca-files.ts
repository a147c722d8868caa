/**
 * The lab CA as files in the data folder, for native tools: `mosquitto_sub --cafile
 * .lab/ca/lab-root-ca.pem`, `openssl verify -CAfile …`. The key is readable by its owner only
 * (DESIGN.md, "Lab server"). The registry's state stays the source of truth; these are copies.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryState } from '../../core/lab/registry/index.ts';
import { writeAtomically } from './atomic-write.ts';

export function labCaFiles(dataDir: string) {
  return {
    certificate: join(dataDir, 'ca', 'lab-root-ca.pem'),
    key: join(dataDir, 'ca', 'lab-root-ca.key'),
  };
}

/** Writes each file whose content or mode differs from what it should be; most saves write none. */
export async function writeLabCaFiles(
  dataDir: string,
  state: RegistryState,
  rename: (from: string, to: string) => Promise<void>,
): Promise<void> {
  const lab = state.labCa;
  const record = state.cas.find((ca) => ca.caCertificateId === lab?.caCertificateId);
  if (!lab || !record) return;

  const files = labCaFiles(dataDir);
  await writeIfChanged(files.certificate, record.pem, 0o644, rename);
  await writeIfChanged(files.key, lab.privateKeyPem, 0o600, rename);
}

async function writeIfChanged(
  path: string,
  content: string,
  mode: number,
  rename: (from: string, to: string) => Promise<void>,
): Promise<void> {
  const current = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  // Windows keeps no owner-only bits, so there only the content is compared.
  const wrongMode = process.platform !== 'win32' && ((await modeOf(path)) ?? mode) !== mode;
  if (current !== content || wrongMode) {
    await writeAtomically(path, content, mode, rename);
  }
}

async function modeOf(path: string): Promise<number | null> {
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return found === null ? null : found.mode & 0o777;
}
