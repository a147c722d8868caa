/**
 * The little of Node's `process` that aedes, mqtt-packet and readable-stream use, for the
 * worker. `nextTick` runs on the microtask queue, as Node runs its own ahead of timers; the
 * `process` package instead waits for a zero-delay timer, which browsers stretch to 4 ms.
 */
export function nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
  queueMicrotask(() => callback(...args));
}

export const env: Record<string, string | undefined> = {};
export const argv: string[] = [];
export const platform = 'browser';
export const browser = true;
// An empty version makes process-nextick-args (mqtt-packet) call nextTick above, not Node's.
export const version = '';
export const versions: Record<string, string> = {};

export function cwd(): string {
  return '/';
}

export function emitWarning(warning: string | Error): void {
  console.warn(warning);
}

const process = { nextTick, env, argv, platform, browser, version, versions, cwd, emitWarning };
export default process;
