/**
 * `setImmediate` for a worker, which has none: a callback queued behind other tasks, without
 * the 4 ms a nested zero-delay timer costs. aedes schedules its client steps with it.
 */
const queue = new Map<number, () => void>();
const channel = new MessageChannel();
let nextId = 1;

channel.port1.onmessage = () => {
  const [id, run] = queue.entries().next().value ?? [];
  if (id === undefined || !run) return;

  queue.delete(id);
  run();
};

export function setImmediate(callback: (...args: unknown[]) => void, ...args: unknown[]): number {
  const id = nextId++;
  queue.set(id, () => callback(...args));
  channel.port2.postMessage(null);
  return id;
}

export function clearImmediate(id: number | undefined): void {
  if (id !== undefined) queue.delete(id);
}
