import "server-only";
import { notFound, redirect } from "next/navigation";
import { auth, type SessionUser } from "@/lib/auth/session";
import { HttpError } from "@/lib/http/errors";

/** The signed-in user, or a redirect to sign in that comes back to `path`. */
export async function signedInOrRedirect(path: string): Promise<SessionUser> {
  const user = await auth();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/**
 * Runs an authorized read for a page: a 404 from the authorization (no such cohort, not yours,
 * learner not in it) becomes the not-found page; anything else propagates (403s are prevented by
 * the page checking the role first).
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof HttpError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  }
}
