/**
 * `handshake json …` in Node: reads files for the pure `json check` command in src/core/json and
 * writes what it prints. `-` reads standard input.
 */
import { readFileSync, statSync } from 'node:fs';
import { runJsonCheck, type ReadResult } from '../../core/json/check-command.ts';

/** Runs `handshake json <subcommand>` and returns the exit status. */
export function jsonCommand(args: string[]): number {
  const [sub, ...rest] = args;
  if (sub !== 'check') {
    const hint = sub === undefined || sub.startsWith('-') ? '' : ` '${sub}'`;
    console.error(
      `handshake json: unknown subcommand${hint}. Did you mean 'handshake json check <file>'?`,
    );
    return 2;
  }

  const result = runJsonCheck(rest, readFromDisk);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.exitCode;
}

function readFromDisk(path: string): ReadResult {
  try {
    if (path !== '-' && statSync(path).isDirectory()) {
      return { ok: false, missing: false, message: `${path} is a folder, not a file.` };
    }
    return { ok: true, bytes: new Uint8Array(readFileSync(path === '-' ? 0 : path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { ok: false, missing: true, message: `cannot find the file ${path}.` };
    if (code === 'EACCES')
      return { ok: false, missing: false, message: `no permission to read ${path}.` };
    return {
      ok: false,
      missing: false,
      message: `cannot read ${path}: ${(error as Error).message}`,
    };
  }
}
