/** The training page's small browser state: pieces forced to built-in, run summaries already sent. */
import { KEYS, readJson, writeJson, type StorageLike } from "./storage";

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export function readForcedBuiltIns(storage: StorageLike | null): Set<string> {
  return new Set(storage ? strings(readJson(storage, KEYS.capstoneBuiltIn)) : []);
}

export function writeForcedBuiltIns(storage: StorageLike | null, pieces: Iterable<string>): void {
  if (storage) writeJson(storage, KEYS.capstoneBuiltIn, [...pieces]);
}

export function wasRunReported(storage: StorageLike | null, runId: string): boolean {
  return storage ? strings(readJson(storage, KEYS.capstoneReported)).includes(runId) : false;
}

/** Remembers the newest 50 run ids sent (the server ignores a repeat anyway). */
export function markRunReported(storage: StorageLike | null, runId: string): void {
  if (!storage) return;
  const sent = strings(readJson(storage, KEYS.capstoneReported)).filter((id) => id !== runId);
  writeJson(storage, KEYS.capstoneReported, [...sent, runId].slice(-50));
}
