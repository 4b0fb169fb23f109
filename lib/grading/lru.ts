/**
 * A small least-recently-used map: the grader keeps what it derived from the last few sources (a
 * learner re-runs the same code, and an exercise's provided pieces arrive unchanged every run)
 * without growing with every edit.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, computed by `make` when missing; either way it becomes the newest entry. */
  getOrCreate(key: K, make: () => V): V {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      // Map keeps insertion order: re-inserting makes it the newest.
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }
}
