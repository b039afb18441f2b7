/**
 * Work that outlives the request that started it, such as a Slack listener that has already
 * acknowledged: kept track of so that a stopping instance can finish it first.
 */
export interface InFlight {
  /** Runs the work and keeps track of it until it settles; resolves or rejects as it does. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Waits until the tracked work has settled, or `timeoutMs` passed; the count left over. */
  drain(timeoutMs: number): Promise<number>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();

  return {
    async track(work) {
      running.add(work);
      try {
        return await work;
      } finally {
        running.delete(work);
      }
    },

    async drain(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.allSettled([...running]), timeout]);
      clearTimeout(timer);
      return running.size;
    },
  };
}
