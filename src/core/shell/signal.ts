/**
 * Ctrl-C for commands. The core has no DOM or Node types, so it cannot name `AbortSignal`;
 * this is the part of it commands use, and a real `AbortSignal` fits the same shape.
 */
export interface InterruptSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface Interrupter {
  readonly signal: InterruptSignal;
  abort(): void;
}

/** A fresh signal per command line; `abort()` is what Ctrl-C calls. */
export function createInterrupter(): Interrupter {
  const listeners = new Set<() => void>();
  let aborted = false;

  const signal: InterruptSignal = {
    get aborted() {
      return aborted;
    },
    addEventListener(_type, listener) {
      if (aborted) return;
      listeners.add(listener);
    },
    removeEventListener(_type, listener) {
      listeners.delete(listener);
    },
  };

  return {
    signal,
    abort() {
      if (aborted) return;
      aborted = true;
      const waiting = [...listeners];
      listeners.clear();
      for (const listener of waiting) listener();
    },
  };
}

/** Resolves when `signal` aborts; with `stop`, the listener can be removed early. */
export function whenAborted(signal: InterruptSignal): { promise: Promise<void>; stop: () => void } {
  let stop = () => {};
  const promise = new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const listener = () => resolve();
    signal.addEventListener('abort', listener, { once: true });
    stop = () => signal.removeEventListener('abort', listener);
  });

  return { promise, stop };
}
