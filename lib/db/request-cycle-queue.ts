/**
 * Keeps each connection's request cycle whole on the embedded database server.
 *
 * PGlite is one PostgreSQL backend. @electric-sql/pglite-socket 0.2.17 shares it between client
 * connections message by message, and only keeps one connection in charge while a transaction is
 * open. A query in the extended protocol (what node-postgres and Prisma send) is several messages
 * (Parse, Bind, Describe, Execute) closed by Sync. When two connections' messages interleave, one
 * connection's Bind runs against the other's unnamed statement: a request gets ANOTHER request's
 * rows (measured: about 1 in 100 concurrent requests), or "unnamed prepared statement does not
 * exist". For a course site that is one learner seeing another's data.
 *
 * The fix: once a connection sends a message of an extended-protocol cycle, only that connection's
 * messages run until its Sync (or a simple Query) completes. The queue's other rules stay: an open
 * transaction still belongs to the connection that opened it.
 *
 * Output is held back until the cycle's end, as PostgreSQL itself does (it flushes at Sync, Flush
 * or a simple Query's end): the library wrote every message's answer to the socket as it came, so
 * one query was five socket writes, the largest cost of the server's own JavaScript under load
 * (docs/decisions/035-dashboard-and-write-tail.md). Now it is one write per cycle.
 *
 * The queue is an internal object of the library; the shape below is that of 0.2.17 (pinned in
 * package.json). lib/db/embedded-server.test.ts fails if an upgrade changes it or brings the
 * interleaving back.
 */

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface SocketQueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
/** Parse, Bind, Describe, Execute, Close answer nothing the client needs before its Sync or Flush. */
const HOLDS_ANSWER = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);
/** Parse, Bind, Describe, Execute, Close, Flush: a cycle is open until the connection's Sync. */
const OPENS_CYCLE = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

export function keepRequestCyclesWhole(server: object): void {
  const queue = (server as { queryQueue?: SocketQueryQueue }).queryQueue;
  if (
    !queue ||
    !Array.isArray(queue.queue) ||
    typeof queue.processQueue !== "function" ||
    typeof queue.clearQueueForHandler !== "function"
  ) {
    throw new Error("@electric-sql/pglite-socket changed its query queue: review lib/db/request-cycle-queue.ts before upgrading.");
  }

  /** The connection whose extended-protocol cycle is open, if any. */
  let cycleOwner: number | null = null;

  /**
   * Answers not yet written, per connection, and where to write them. PGlite hands out views of
   * its own memory, which the next message overwrites: they are copied (Buffer.from copies small
   * chunks into a shared pool instead of allocating an ArrayBuffer each).
   */
  const held = new Map<number, { chunks: Uint8Array[]; write(data: Uint8Array): void }>();
  const hold = (item: QueuedMessage, data: Uint8Array) => {
    const pending = held.get(item.handlerId);
    if (pending) pending.chunks.push(Buffer.from(data));
    else held.set(item.handlerId, { chunks: [Buffer.from(data)], write: item.onData });
  };
  const release = (handlerId: number) => {
    const pending = held.get(handlerId);
    if (!pending) return;
    held.delete(handlerId);
    pending.write(pending.chunks.length === 1 ? pending.chunks[0] : Buffer.concat(pending.chunks));
  };

  queue.processQueue = async function processQueue(this: SocketQueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = cycleOwner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        if (index === -1) {
          // The owner's next message has not arrived yet: the others wait. Whatever the owner may
          // be waiting for goes out now (a client is free to wait for an answer before Sync).
          if (owner !== null) release(owner);
          break;
        }
        const [item] = this.queue.splice(index, 1);

        const type = item.message[0];
        if (type === SYNC || type === SIMPLE_QUERY || type === TERMINATE) cycleOwner = null;
        else if (OPENS_CYCLE.has(type)) cycleOwner = item.handlerId;

        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                hold(item, data);
              },
            }),
          );
        } catch (error) {
          release(item.handlerId);
          item.reject(error);
          continue;
        }
        if (!HOLDS_ANSWER.has(type)) release(item.handlerId); // Sync, Flush, a simple Query, start-up...
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // A connection that goes away mid-cycle must not hold the others back.
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clearQueueForHandler(handlerId);
    held.delete(handlerId);
    if (cycleOwner === handlerId) {
      cycleOwner = null;
      void queue.processQueue();
    }
  };
}
