import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getCohortDetails, type CohortDetails } from "@/lib/cohorts/cohorts";
import { getDb } from "@/lib/db/client";
import { auth, type SessionUser } from "@/lib/auth/session";
import { HttpError } from "@/lib/http/errors";
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, localizedPath } from "@/lib/i18n/locales";

/**
 * The signed-in user, or a redirect to sign in that comes back to `path`. Every protected page
 * calls it itself: Next renders a layout and its page in parallel, so a layout's check does not
 * stop the page from running (docs/decisions/025-page-guards.md). `auth()` is cached per request,
 * so a layout and its page asking both cost one session lookup. The sign-in page is the current
 * page's language; `path` stays unprefixed (the sign-in form's locale-aware router adds the prefix).
 */
export async function signedInOrRedirect(path: string): Promise<SessionUser> {
  const user = await auth();
  if (!user) {
    const locale = await getLocale();
    redirect(`${localizedPath("/sign-in", isLocale(locale) ? locale : DEFAULT_LOCALE)}?callbackUrl=${encodeURIComponent(path)}`);
  }
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

/**
 * The cohort an instructor page shows, loaded once per request: the cohort layout (header, tabs)
 * and the page inside it both ask, and React's per-request cache answers the second.
 */
export const cohortForPage = cache((user: SessionUser, cohortId: string): Promise<CohortDetails> => orNotFound(getCohortDetails(getDb(), user, cohortId)));
