/**
 * Takes away what learner code has no business using inside the grader worker: the network
 * (fetch, XMLHttpRequest, WebSocket, WebSocketStream, WebTransport, EventSource), storage
 * (IndexedDB, Cache Storage, navigator.storage, file systems), other tabs and workers
 * (BroadcastChannel, Worker), and the worker's own message port (so learner code can neither
 * post a forged result nor listen for the next run's id; the harness captured postMessage first).
 * A dedicated worker already has no DOM, no cookies and no localStorage. Each name is deleted
 * wherever it lives on the global's prototype chain (so `Object.getPrototypeOf(self).fetch` is
 * gone too) and then pinned to undefined.
 *
 * This is the second line. The first is the worker script's own Content-Security-Policy
 * (`connect-src 'none'`, next.config.mjs): it also stops what no global can remove, such as
 * `import("/api/me", { with: { type: "json" } })` from eval'd code.
 */
export const LOCKED_GLOBALS = [
  "fetch",
  "fetchLater",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "indexedDB",
  "caches",
  "cookieStore",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "importScripts",
  "requestFileSystem",
  "webkitRequestFileSystem",
  "webkitRequestFileSystemSync",
  "webkitResolveLocalFileSystemURL",
  "postMessage",
  "addEventListener",
  "removeEventListener",
  "dispatchEvent",
  "onmessage",
  "onmessageerror",
  "close",
] as const;

/** navigator's ways out (storage quota and the Origin Private File System, locks shared with pages, ...). */
export const LOCKED_NAVIGATOR = ["storage", "locks", "permissions", "serviceWorker", "usb", "hid", "serial", "bluetooth", "gpu", "mediaCapabilities"] as const;

/** Locks the worker: its globals, and navigator's properties of the same kind. */
export function lockDownWorker(scope: object): string[] {
  const removed = lockDownGlobals(scope);
  const navigator = (scope as { navigator?: object }).navigator;
  if (navigator) removed.push(...lockDownGlobals(navigator, LOCKED_NAVIGATOR).map((name) => `navigator.${name}`));
  return removed;
}

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
