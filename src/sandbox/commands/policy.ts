/**
 * `handshake policy …` in Node: reads files from the disk for the pure command in
 * `src/core/commands/policy-command.ts` and writes its output to the terminal.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runPolicyCommand, type FileRead } from '../../core/commands/policy-command.ts';

/** Runs `handshake policy` with the words after `policy`; returns the exit status. */
export function policy(args: string[]): number {
  const result = runPolicyCommand(args, readFromDisk);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);

  return result.exitCode;
}

/** A file relative to the current folder, or why it cannot be read. */
function readFromDisk(path: string): FileRead {
  try {
    return { text: readFileSync(resolve(path), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `${path}: no such file.` };
    if (code === 'EISDIR') return { error: `${path} is a folder, not a file.` };
    if (code === 'EACCES') return { error: `${path}: permission denied.` };
    throw error;
  }
}
