/**
 * `handshake cert …` in Node: reads files from the disk as bytes (certificates may be DER) for
 * the pure command in `src/core/commands/cert-command.ts`, with Node's WebCrypto.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCertCommand, type BinaryFileRead } from '../../core/commands/cert-command.ts';
import { certLab, isCertLabSubcommand } from './cert-lab.ts';

/** Runs `handshake cert` with the words after `cert`; returns the exit status. */
export async function cert(args: string[]): Promise<number> {
  if (isCertLabSubcommand(args[0])) return certLab(args);
  const result = await runCertCommand(args, { files: readFromDisk, crypto: globalThis.crypto });
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);

  return result.exitCode;
}

function readFromDisk(path: string): BinaryFileRead {
  try {
    return { bytes: new Uint8Array(readFileSync(resolve(path))) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `${path}: no such file.` };
    if (code === 'EISDIR') return { error: `${path} is a folder, not a file.` };
    if (code === 'EACCES') return { error: `${path}: permission denied.` };
    throw error;
  }
}
