/** Runs a function once a permit is free: at most `n` of them at once, the others waiting in order. */
export type Permits = <T>(fn: () => Promise<T>) => Promise<T>;

/** `n` permits, handed on in arrival order as each is returned. */
export function createPermits(n: number): Permits {
  let free = n;
  const waiting: (() => void)[] = [];
  return async (fn) => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}
