/**
 * Shared by the browser grader worker (lib/grading/worker/harden.ts) and the server sandbox
 * (lib/verification/sandbox/harden.ts): both freeze their realm before learner code runs.
 */
/** Freezes `root` and everything reachable from it through properties, accessors and prototypes. */
export function deepFreeze(root: unknown, seen: Set<unknown>): void {
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) continue;
    seen.add(value);
    Object.freeze(value);
    stack.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor) continue;
      if ("value" in descriptor) stack.push(descriptor.value);
      else stack.push(descriptor.get, descriptor.set);
    }
  }
}
