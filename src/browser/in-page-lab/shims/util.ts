/** The two parts of Node's `util` that aedes and qlobber use; nothing else is provided. */

type Callback = (error: unknown, value?: unknown) => void;

/** Old-style class inheritance, as Node's `util.inherits` does it. */
export function inherits(child: Function, parent: Function): void {
  Object.defineProperty(child, 'super_', { value: parent, writable: true, configurable: true });
  Object.setPrototypeOf(child.prototype, parent.prototype);
}

/** Turns a function whose last argument is a Node-style callback into one returning a promise. */
export function promisify(original: (...args: never[]) => unknown) {
  return function promisified(this: unknown, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const done: Callback = (error, value) => (error ? reject(error) : resolve(value));
      (original as (...a: unknown[]) => unknown).apply(this, [...args, done]);
    });
  };
}

export default { inherits, promisify };
