/**
 * The error of class `type` that `run` throws, for tests that then look at its fields. Throws
 * (failing the test) when `run` returns normally or throws something else.
 */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}
