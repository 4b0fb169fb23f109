/**
 * At most `max` tasks at a time; the rest wait their turn in order. Used around sign-in: a burst
 * of fifty sign-ins (a class at 9:00) otherwise runs fifty next-auth callbacks and fifty argon2
 * hashes at once, and every other request's steps queue behind theirs on the one event loop and
 * the four-thread libuv pool (bench/sign-in-load.ts). Framework-free.
 */
export function concurrencyLimit(max: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the releaser hands its slot over
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
