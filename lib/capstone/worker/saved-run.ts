/**
 * The run the browser keeps in IndexedDB: settings, the learner code it was built from, the curve
 * and samples, the weights and Adam's moments. One record, written in one transaction, so a tab
 * that crashes mid-save still has the previous save.
 */
import type { TrainingSettings } from "../settings";
import type { CurvePoint, PieceSources, TrainingSample } from "./protocol";

export interface SavedTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

export interface SavedRun {
  version: 1;
  runId: string;
  settings: TrainingSettings;
  pieces: PieceSources;
  backend: string;
  step: number;
  elapsedMs: number;
  curve: CurvePoint[];
  samples: TrainingSample[];
  weights: Float32Array[];
  optimizer: SavedTensor[];
  finished: boolean;
}

export interface RunStore {
  load(): Promise<SavedRun | null>;
  save(run: SavedRun): Promise<void>;
  clear(): Promise<void>;
}

const DB_NAME = "academy-capstone";
const STORE = "runs";
const KEY = "current";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A RunStore on the given IndexedDB factory (the worker hands in its own before learner code runs). */
export function indexedDbRunStore(factory: IDBFactory): RunStore {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    opened ??= new Promise((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return opened;
  };
  const inTransaction = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    const tx = db.transaction(STORE, mode);
    const result = request(work(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return result;
  };
  return {
    async load() {
      const value = (await inTransaction("readonly", (s) => s.get(KEY))) as SavedRun | undefined;
      return value && value.version === 1 ? value : null;
    },
    async save(run) {
      await inTransaction("readwrite", (s) => s.put(run, KEY));
    },
    async clear() {
      await inTransaction("readwrite", (s) => s.delete(KEY));
    },
  };
}

/** For Node tests and the benchmark: keeps the record in memory. */
export function memoryRunStore(): RunStore {
  let saved: SavedRun | null = null;
  return {
    load: async () => (saved ? structuredClone(saved) : null),
    save: async (run) => void (saved = structuredClone(run)),
    clear: async () => void (saved = null),
  };
}
