/** An in-memory Storage with localStorage's surface, for the browser-state modules' tests. */
import type { StorageLike } from "@/lib/learner-state/storage";

export class MemoryStorage implements StorageLike {
  private map = new Map<string, string>();
  /** Every write throws QuotaExceededError, as a full or disabled localStorage does. */
  failWrites = false;
  /** Writes that would take the stored characters past this throw QuotaExceededError. */
  constructor(private readonly quotaChars = Infinity) {}
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, value]) => n + (key === k ? 0 : value.length), 0);
    if (this.failWrites || used + v.length > this.quotaChars) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  keys() {
    return [...this.map.keys()].sort();
  }
}
