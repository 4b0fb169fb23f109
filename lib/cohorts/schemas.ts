/** What the cohort routes accept, validated with zod (a ZodError becomes a 422 with a readable message). */
import { z } from "zod";
import { text } from "../validation/text";
import { ROLES, type Role } from "../auth/permissions";

/** Cohorts run in this century: a year-0000 (or year-9999) date is a typo, and PostgreSQL has no year 0. */
const FIRST_DAY = "2000-01-01";
const LAST_DAY = "2100-12-31";

/** A calendar day "YYYY-MM-DD" (what <input type="date"> sends), kept as midnight UTC. */
const day = (what: string) =>
  z.iso
    .date({ message: `${what} must be a date like 2026-03-01` })
    // ISO dates compare correctly as strings.
    .refine((value) => value >= FIRST_DAY && value <= LAST_DAY, `${what} must be between ${FIRST_DAY} and ${LAST_DAY}`)
    .transform((value) => new Date(`${value}T00:00:00.000Z`));

const name = text("the cohort name").trim().min(1, "give the cohort a name").max(120, "the name is longer than 120 characters");
const description = text("the description").trim().max(2000, "the description is longer than 2000 characters");

function endNotBeforeStart(value: { startsAt?: Date; endsAt?: Date | null }, ctx: z.RefinementCtx) {
  if (value.startsAt && value.endsAt && value.endsAt < value.startsAt) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "the end date is before the start date" });
  }
}

export const createCohortSchema = z
  .strictObject({
    name,
    description: description.default(""),
    startsAt: day("startsAt"),
    endsAt: day("endsAt").nullable().optional(),
  })
  .superRefine(endNotBeforeStart);
export type CreateCohortInput = z.input<typeof createCohortSchema>;

export const updateCohortSchema = z
  .strictObject({
    name: name.optional(),
    description: description.optional(),
    startsAt: day("startsAt").optional(),
    endsAt: day("endsAt").nullable().optional(),
    joinOpen: z.boolean({ message: "joinOpen must be true or false" }).optional(),
  })
  .superRefine(endNotBeforeStart);
export type UpdateCohortInput = z.input<typeof updateCohortSchema>;

export const addInstructorSchema = z.strictObject({
  email: text("the email address").trim().toLowerCase().pipe(z.email({ message: "enter the email address of an instructor account" })),
});

export const joinSchema = z.strictObject({
  code: text("the join code").trim().min(1, "enter a join code").max(40, "that is too long to be a join code"),
});

export const roleSchema = z.strictObject({
  role: z.enum(ROLES as [Role, ...Role[]], { message: `role must be one of ${ROLES.join(", ")}` }),
});

/** Ids in paths: cuid-like strings. Anything else cannot name a record. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not a valid id");
