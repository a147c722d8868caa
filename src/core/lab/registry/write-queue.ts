/**
 * Runs operations one at a time, in the order they were asked for, whether each succeeds or
 * fails. The registry puts every load-change-save through one, so two calls never interleave.
 */
export type Serialise = <T>(operation: () => Promise<T>) => Promise<T>;

export function createWriteQueue(): Serialise {
  let tail: Promise<unknown> = Promise.resolve();

  return <T>(operation: () => Promise<T>) => {
    const result = tail.then(operation, operation);
    // The next operation waits for this one to settle; its failure is the caller's to handle.
    tail = result.catch(() => undefined);
    return result;
  };
}
