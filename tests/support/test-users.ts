/** Test helper: learners to hang progress on. */
import type { PrismaClient } from "../../lib/db/create-client";

let counter = 0;

export async function createLearner(db: PrismaClient, name = "Learner") {
  counter += 1;
  return db.user.create({
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, "-")}-${counter}-${Date.now()}@example.test` },
    select: { id: true, email: true, name: true },
  });
}
