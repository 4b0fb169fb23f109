/**
 * Whether anything local waits to be merged into the account. Apart from merge.ts, which builds
 * and sends the merge, because every lesson page runs this check for a signed-in learner and the
 * merge code then loads only when there is something to merge (page budget: decision 037).
 */
import { readAllDrafts, readRuns } from "./exercises";
import { readLocalLessons } from "./lessons";
import { outboxLessons, readOutbox } from "./outbox";
import { readLocalAttempts } from "./quizzes";
import type { StorageLike } from "./storage";

export function hasLocalProgress(storage: StorageLike, userId?: string): boolean {
  return (
    Object.keys(readLocalLessons(storage)).length > 0 ||
    readRuns(storage).length > 0 ||
    readLocalAttempts(storage).length > 0 ||
    readAllDrafts(storage).length > 0 ||
    (userId !== undefined && outboxLessons(readOutbox(storage, userId)).length > 0)
  );
}
