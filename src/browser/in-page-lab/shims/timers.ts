/**
 * Node's timers for the worker. A browser's setTimeout returns a number; Node's returns a
 * Timeout object, and aedes calls its methods: `refresh()` restarts a client's keep-alive
 * timer on every packet [MQTT-3.1.2-24], `unref()` marks the drain timer as not keeping the
 * process alive. These wrap the browser's timers in such an object.
 */
type Callback = (...args: unknown[]) => void;

const browser = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  clearTimeout: globalThis.clearTimeout.bind(globalThis),
  setInterval: globalThis.setInterval.bind(globalThis),
  clearInterval: globalThis.clearInterval.bind(globalThis),
};

export class Timeout {
  #id: number | undefined;

  constructor(
    private readonly callback: () => void,
    private readonly delay: number,
    private readonly repeat: boolean,
  ) {
    this.#start();
  }

  /** Starts the timer again from now, with its delay and callback, even if it had fired. */
  refresh(): this {
    this.#stop();
    this.#start();
    return this;
  }

  close(): this {
    this.#stop();
    return this;
  }

  // A page's worker has no process to keep alive, so ref and unref change nothing.
  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  hasRef(): boolean {
    return true;
  }

  [Symbol.toPrimitive](): number | undefined {
    return this.#id;
  }

  #start() {
    const run = this.repeat ? browser.setInterval : browser.setTimeout;
    this.#id = run(this.callback, this.delay) as unknown as number;
  }

  #stop() {
    if (this.repeat) browser.clearInterval(this.#id);
    else browser.clearTimeout(this.#id);
  }
}

export function setTimeout(callback: Callback, delay = 0, ...args: unknown[]): Timeout {
  return new Timeout(() => callback(...args), delay, false);
}

export function setInterval(callback: Callback, delay = 0, ...args: unknown[]): Timeout {
  return new Timeout(() => callback(...args), delay, true);
}

export function clearTimeout(timer: Timeout | number | undefined): void {
  if (timer instanceof Timeout) timer.close();
  else browser.clearTimeout(timer);
}

export const clearInterval = clearTimeout;
