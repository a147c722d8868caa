import { execFileSync, spawn } from 'node:child_process';

/** Whether Debian's mosquitto-clients are on this machine; npm test installs them when it can. */
export function hasMosquittoClients(): boolean {
  try {
    execFileSync('mosquitto_pub', ['--help'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // mosquitto_pub --help exits 1 after printing its usage; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

export interface SubResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs mosquitto_sub until it exits (after -C messages or -W seconds). Its output is
 * block-buffered into a pipe, so callers learn that it has subscribed from the lab's log.
 */
export function mosquittoSub(args: string[]): Promise<SubResult> {
  const child = spawn('mosquitto_sub', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

export function mosquittoPub(args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync('mosquitto_pub', args, { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}
