/**
 * Runs tasks that share a key one after another, in the order they were given, and tasks with
 * different keys side by side. Within one process this keeps parallel events for one member
 * from racing each other for the same ledger position; across processes the ledger's unique
 * positions keep them correct, this only keeps them fast.
 */
export class KeyedSerializer {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
