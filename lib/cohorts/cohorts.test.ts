/**
 * Cohort management and membership against a real database (PGlite locally, PostgreSQL in CI):
 * who may do what to which cohort, join codes, co-instructors, removing learners.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { HttpError } from "../http/errors";
import { authorizeCohort, authorizeLearner, COHORT_NOT_FOUND } from "./access";
import {
  addInstructor,
  createCohort,
  getCohortDetails,
  listCohorts,
  removeInstructor,
  removeMember,
  rotateJoinCode,
  updateCohort,
} from "./cohorts";
import { joinCohort, leaveCohort, listMyCohorts, lookupJoinCode, CLOSED_CODE, WRONG_CODE } from "./membership";
import { createAccount, type TestAccount } from "../../tests/support/cohort-fixtures";

let t: TestDatabase;
let ivo: TestAccount;
let ines: TestAccount;
let ada: TestAccount;
let lea: TestAccount;

beforeAll(async () => {
  t = await startTestDatabase();
  ivo = await createAccount(t.db, "INSTRUCTOR", "Ivo");
  ines = await createAccount(t.db, "INSTRUCTOR", "Ines");
  ada = await createAccount(t.db, "ADMIN", "Ada");
  lea = await createAccount(t.db, "LEARNER", "Léa");
}, 180_000);
afterAll(async () => t?.stop());

/** The HTTP status a promise rejects with (or "resolved"). */
async function statusOf(promise: Promise<unknown>): Promise<number | string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    if ((error as Error).name === "ZodError") return 422;
    throw error;
  }
}

/** A calendar day relative to today, as <input type="date"> sends it. */
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const START = day(-30);
const END = day(120);

const newCohort = (owner: TestAccount, name = "Spring cohort") =>
  createCohort(t.db, owner, { name, description: "Tuesdays 18:00", startsAt: START, endsAt: END });

describe("creating and listing cohorts", () => {
  it("an instructor creates a cohort and teaches it; it gets a join code and link", async () => {
    const cohort = await newCohort(ivo);
    expect(cohort).toMatchObject({
      name: "Spring cohort",
      description: "Tuesdays 18:00",
      startsAt: new Date(`${START}T00:00:00Z`),
      endsAt: new Date(`${END}T00:00:00Z`),
      joinOpen: true,
      memberCount: 0,
      teaches: true,
      instructors: [{ id: ivo.id, name: "Ivo", email: ivo.email }],
    });
    expect(cohort.joinCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(cohort.joinPath).toBe(`/join/${cohort.joinCode.slice(0, 4)}-${cohort.joinCode.slice(4)}`);
  });

  it("validates the input with readable messages", async () => {
    await expect(createCohort(t.db, ivo, { name: " ", startsAt: "2026-03-01" })).rejects.toThrow(/give the cohort a name/);
    await expect(createCohort(t.db, ivo, { name: "X", startsAt: "March" })).rejects.toThrow(/startsAt must be a date/);
    await expect(createCohort(t.db, ivo, { name: "X", startsAt: "2026-03-01", endsAt: "2026-02-01" })).rejects.toThrow(
      /end date is before the start date/,
    );
  });

  it("a learner cannot create a cohort", async () => {
    expect(await statusOf(newCohort(lea))).toBe(403);
  });

  it("an instructor lists only the cohorts they teach; an admin lists all", async () => {
    const mine = await newCohort(ivo, "Ivo only");
    const theirs = await newCohort(ines, "Ines only");
    const ivoSees = (await listCohorts(t.db, ivo)).map((c) => c.id);
    expect(ivoSees).toContain(mine.id);
    expect(ivoSees).not.toContain(theirs.id);
    const adaSees = await listCohorts(t.db, ada);
    expect(adaSees.find((c) => c.id === theirs.id)).toMatchObject({ teaches: false });
    expect(await statusOf(listCohorts(t.db, lea))).toBe(403);
  });
});

describe("record-level access", () => {
  it("another instructor gets 404 for every action on a cohort they do not teach; a learner 403", async () => {
    const cohort = await newCohort(ivo);
    const attempts = (who: TestAccount) => [
      getCohortDetails(t.db, who, cohort.id),
      updateCohort(t.db, who, cohort.id, { name: "Taken over" }),
      rotateJoinCode(t.db, who, cohort.id),
      addInstructor(t.db, who, cohort.id, { email: who.email }),
      removeInstructor(t.db, who, cohort.id, ivo.id),
      removeMember(t.db, who, cohort.id, lea.id),
      authorizeCohort(t.db, who, cohort.id, "read:submission:cohort"),
    ];
    expect(await Promise.all(attempts(ines).map(statusOf))).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(await Promise.all(attempts(lea).map(statusOf))).toEqual([403, 403, 403, 403, 403, 403, 403]);
    // Nothing changed.
    expect(await getCohortDetails(t.db, ivo, cohort.id)).toMatchObject({ name: "Spring cohort", joinCode: cohort.joinCode });
  });

  it("an admin's read-only view of a cohort they do not teach carries no join code", async () => {
    const cohort = await newCohort(ivo);
    const view = await getCohortDetails(t.db, ada, cohort.id);
    expect(view).toMatchObject({ name: "Spring cohort", teaches: false });
    expect(JSON.stringify(view)).not.toContain(cohort.joinCode);
    expect(view).not.toHaveProperty("joinCode");
    expect(view).not.toHaveProperty("joinPath");
  });

  it("a missing cohort and someone else's answer the same 404 message", async () => {
    const cohort = await newCohort(ivo);
    const other = await authorizeCohort(t.db, ines, cohort.id, "read:progress:cohort").catch((e: Error) => e.message);
    const missing = await authorizeCohort(t.db, ines, "c-does-not-exist", "read:progress:cohort").catch((e: Error) => e.message);
    expect(other).toBe(COHORT_NOT_FOUND);
    expect(missing).toBe(COHORT_NOT_FOUND);
  });

  it("an admin may read any cohort but change only those they teach", async () => {
    const cohort = await newCohort(ivo);
    expect(await authorizeCohort(t.db, ada, cohort.id, "read:progress:cohort")).toMatchObject({ teaches: false });
    expect(await statusOf(authorizeCohort(t.db, ada, cohort.id, "read:submission:cohort"))).toBe("resolved");
    expect(await statusOf(updateCohort(t.db, ada, cohort.id, { joinOpen: false }))).toBe(404);
  });

  it("drill-down needs the learner to be a member of THIS cohort", async () => {
    const a = await newCohort(ivo, "A");
    const b = await newCohort(ivo, "B");
    const member = await createAccount(t.db, "LEARNER", "Member");
    await joinCohort(t.db, member, { code: a.joinCode });
    expect(await authorizeLearner(t.db, ivo, a.id, member.id, "read:submission:cohort")).toMatchObject({ id: a.id });
    // Ivo teaches B too, but the learner is not in B.
    expect(await statusOf(authorizeLearner(t.db, ivo, b.id, member.id, "read:submission:cohort"))).toBe(404);
    expect(await statusOf(authorizeLearner(t.db, ines, a.id, member.id, "read:progress:cohort"))).toBe(404);
    expect(await statusOf(authorizeLearner(t.db, member, a.id, member.id, "read:progress:cohort"))).toBe(403);
  });
});

describe("joining", () => {
  it("a learner joins with the code in any spelling, once; they may belong to several cohorts", async () => {
    const a = await newCohort(ivo, "Evening");
    const b = await newCohort(ines, "Weekend");
    const learner = await createAccount(t.db, "LEARNER", "Zoë");
    const typed = `${a.joinCode.slice(0, 4).toLowerCase()} - ${a.joinCode.slice(4).toLowerCase()}`;
    expect(await joinCohort(t.db, learner, { code: typed })).toEqual({ cohort: { id: a.id, name: "Evening" }, joined: true });
    expect(await joinCohort(t.db, learner, { code: a.joinCode })).toEqual({ cohort: { id: a.id, name: "Evening" }, joined: false });
    await joinCohort(t.db, learner, { code: b.joinPath.split("/").pop()! });
    const mine = await listMyCohorts(t.db, learner);
    expect(mine.map((c) => c.name).sort()).toEqual(["Evening", "Weekend"]);
    expect(mine.find((c) => c.name === "Weekend")?.instructors).toEqual(["Ines"]);
    expect((await getCohortDetails(t.db, ivo, a.id)).memberCount).toBe(1);
  });

  it("a wrong code, a closed cohort and an ended cohort each get a clear message", async () => {
    const learner = await createAccount(t.db, "LEARNER");
    await expect(joinCohort(t.db, learner, { code: "ZZZZ-ZZZZ" })).rejects.toThrow(WRONG_CODE);
    await expect(joinCohort(t.db, learner, { code: "not a code" })).rejects.toThrow(WRONG_CODE);
    expect(await statusOf(joinCohort(t.db, learner, { code: "ZZZZ-ZZZZ" }))).toBe(404);

    const closed = await newCohort(ivo, "Closed");
    await updateCohort(t.db, ivo, closed.id, { joinOpen: false });
    await expect(joinCohort(t.db, learner, { code: closed.joinCode })).rejects.toThrow(CLOSED_CODE);
    expect(await lookupJoinCode(t.db, closed.joinCode)).toEqual({ status: "closed", message: CLOSED_CODE, cohort: { name: "Closed" } });

    const ended = await createCohort(t.db, ivo, { name: "Last year", startsAt: "2025-01-01", endsAt: "2025-03-31" });
    const status = await lookupJoinCode(t.db, ended.joinCode, new Date("2025-03-31T23:00:00Z"));
    expect(status.status).toBe("open"); // the whole last day still counts
    await expect(joinCohort(t.db, learner, { code: ended.joinCode }, new Date("2025-04-01T00:00:01Z"))).rejects.toThrow(
      /ended on 2025-03-31/,
    );
    expect(await listMyCohorts(t.db, learner)).toEqual([]);
  });

  it("rotating the code stops the old one at once and keeps existing members", async () => {
    const cohort = await newCohort(ivo);
    const early = await createAccount(t.db, "LEARNER");
    await joinCohort(t.db, early, { code: cohort.joinCode });
    const rotated = await rotateJoinCode(t.db, ivo, cohort.id);
    expect(rotated.joinCode).not.toBe(cohort.joinCode);
    const late = await createAccount(t.db, "LEARNER");
    await expect(joinCohort(t.db, late, { code: cohort.joinCode })).rejects.toThrow(WRONG_CODE);
    expect(await joinCohort(t.db, late, { code: rotated.joinCode })).toMatchObject({ joined: true });
    expect(rotated.memberCount).toBe(1);
  });

  it("an instructor cannot join their own cohort as a learner", async () => {
    const cohort = await newCohort(ivo);
    expect(await statusOf(joinCohort(t.db, ivo, { code: cohort.joinCode }))).toBe(409);
  });

  it("a learner can leave; an instructor can remove a learner; neither touches other members", async () => {
    const cohort = await newCohort(ivo);
    const [x, y] = [await createAccount(t.db, "LEARNER", "X"), await createAccount(t.db, "LEARNER", "Y")];
    await joinCohort(t.db, x, { code: cohort.joinCode });
    await joinCohort(t.db, y, { code: cohort.joinCode });
    await leaveCohort(t.db, x, cohort.id);
    expect(await statusOf(leaveCohort(t.db, x, cohort.id))).toBe(404);
    await removeMember(t.db, ivo, cohort.id, y.id);
    expect(await statusOf(removeMember(t.db, ivo, cohort.id, y.id))).toBe(404);
    expect((await getCohortDetails(t.db, ivo, cohort.id)).memberCount).toBe(0);
  });
});

describe("co-instructors", () => {
  it("are added by the email of an instructor account and then see and manage the cohort", async () => {
    const cohort = await newCohort(ivo);
    const details = await addInstructor(t.db, ivo, cohort.id, { email: ` ${ines.email.toUpperCase()} ` });
    expect(details.instructors.map((i) => i.name)).toEqual(["Ivo", "Ines"]);
    expect((await listCohorts(t.db, ines)).map((c) => c.id)).toContain(cohort.id);
    expect(await statusOf(updateCohort(t.db, ines, cohort.id, { description: "Co-taught" }))).toBe("resolved");
    // Adding twice changes nothing.
    expect((await addInstructor(t.db, ivo, cohort.id, { email: ines.email })).instructors).toHaveLength(2);
  });

  it("a learner's email or an unknown email is refused with the same message", async () => {
    const cohort = await newCohort(ivo);
    const refusal = (email: string) =>
      addInstructor(t.db, ivo, cohort.id, { email }).then(
        () => "added",
        (e: HttpError) => `${e.status} ${e.message.replace(email, "<email>")}`,
      );
    const learnerMsg = await refusal(lea.email);
    expect(learnerMsg).toEqual(await refusal("nobody@example.test"));
    expect(learnerMsg).toMatch(/^404 There is no instructor account with the email <email>/);
  });

  it("the last instructor cannot be removed, even by two removals at once", async () => {
    const cohort = await newCohort(ivo);
    await addInstructor(t.db, ivo, cohort.id, { email: ines.email });
    const results = await Promise.all([
      removeInstructor(t.db, ivo, cohort.id, ines.id).then(() => "ok", (e: HttpError) => e.status),
      removeInstructor(t.db, ines, cohort.id, ivo.id).then(() => "ok", (e: HttpError) => e.status),
    ]);
    // One removal wins; the other is refused (409) or finds its author no longer teaching (404).
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(await t.db.cohortInstructor.count({ where: { cohortId: cohort.id } })).toBe(1);
  });
});

describe("updating", () => {
  it("changes name, dates and joining; a one-sided date change is checked against the stored date", async () => {
    const cohort = await newCohort(ivo);
    const updated = await updateCohort(t.db, ivo, cohort.id, { name: "Renamed", endsAt: null, joinOpen: false });
    expect(updated).toMatchObject({ name: "Renamed", endsAt: null, joinOpen: false });
    await updateCohort(t.db, ivo, cohort.id, { endsAt: day(10) });
    await expect(updateCohort(t.db, ivo, cohort.id, { startsAt: day(11) })).rejects.toThrow(/end date is before the start date/);
    await expect(updateCohort(t.db, ivo, cohort.id, { joinCode: "AAAAAAAA" })).rejects.toThrow(/Unrecognized key/);
  });
});
