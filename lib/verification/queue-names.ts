/** Where the verification jobs live (pg-boss's schema and queue name), without loading pg-boss. */
export const VERIFY_QUEUE = "verify-attempt";
export const QUEUE_SCHEMA = "pgboss";
/** Job states that still need a worker. */
export const OPEN_JOB_STATES = ["created", "retry", "active"] as const;
