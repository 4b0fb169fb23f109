/** Creating an account with email + password. Framework-free (tested against the database). */
import { z } from "zod";
import { text } from "../validation/text";
import type { PrismaClient } from "../db/create-client";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { HttpError } from "../http/errors";

export const signUpSchema = z.object({
  name: text("your name").trim().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."),
  email: text("the email address").trim().toLowerCase().email("Enter a valid email address.").max(200),
  password: text("your password"),
}).superRefine((input, ctx) => {
  const problem = passwordProblem(input.password, input);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
});

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

export async function signUp(db: PrismaClient, input: unknown) {
  const data = signUpSchema.parse(input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new HttpError(409, EMAIL_TAKEN, { code: "emailTaken" });
  try {
    return await db.user.create({
      data: { name: data.name, email: data.email, passwordHash: await hashPassword(data.password) },
      select: { id: true, name: true, email: true, role: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") {
      throw new HttpError(409, EMAIL_TAKEN, { code: "emailTaken" });
    }
    throw error;
  }
}
