/**
 * Shared by the PKI tests: WebCrypto from Node, a temporary folder, and `openssl` run as a
 * child process, which the interop tests treat as the reference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CryptoPort } from '../../../src/core/pki/index.ts';

export const crypto: CryptoPort = globalThis.crypto;

export const OPENSSL = '/usr/bin/openssl';

export function requireOpenssl(): void {
  if (!existsSync(OPENSSL)) throw new Error('openssl is missing: apt-get install -y openssl');
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function openssl(args: string[], cwd?: string): Run {
  const result = spawnSync(OPENSSL, args, { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs openssl and returns its output, failing the test with openssl's stderr if it fails. */
export function opensslOk(args: string[], cwd?: string): string {
  const run = openssl(args, cwd);
  if (run.status !== 0)
    throw new Error(`openssl ${args.join(' ')} failed:\n${run.stderr}${run.stdout}`);
  return run.stdout;
}

export interface TempDir {
  path: string;
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'handshake-pki-'));
  return {
    path,
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export const DAY = 86_400_000;
