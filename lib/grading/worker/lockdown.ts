/**
 * Takes away what learner code has no business using inside the grader worker: the network
 * (fetch, XMLHttpRequest, WebSocket, EventSource), storage (IndexedDB, Cache Storage), other
 * tabs (BroadcastChannel) and more workers. A dedicated worker already has no DOM, no cookies
 * and no localStorage. Each name is deleted wherever it lives on the global's prototype chain
 * (so `Object.getPrototypeOf(self).fetch` is gone too) and then pinned to undefined.
 */
export const LOCKED_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebTransport",
  "EventSource",
  "indexedDB",
  "caches",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "importScripts",
] as const;

export function lockDownGlobals(scope: object, names: readonly string[] = LOCKED_GLOBALS): string[] {
  const removed: string[] = [];
  for (const name of names) {
    let found = false;
    for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, name);
      if (!descriptor) continue;
      found = true;
      if (descriptor.configurable) delete (target as Record<string, unknown>)[name];
    }
    try {
      Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false, enumerable: false });
    } catch {
      // A non-configurable own property that could not be deleted: leave it (none in browsers today).
    }
    if (found) removed.push(name);
  }
  return removed;
}
