import type { Metadata } from "next";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { auth } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { lookupJoinCode } from "@/lib/cohorts/membership";
import { formatJoinCode, normalizeJoinCode } from "@/lib/cohorts/join-code";
import { formatDates } from "@/components/instructor/format";
import { JoinButton } from "@/components/instructor/join-button";
import { JoinCodeForm } from "@/components/instructor/join-code-form";
import { BUTTON, BUTTON_QUIET, CARD, ERROR_BOX, OK_BOX } from "@/components/instructor/ui";

export const metadata: Metadata = { title: "Join a cohort", robots: { index: false } };
export const dynamic = "force-dynamic";

/** The join link: says what the code leads to; a signed-in learner joins with one click. */
export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const param = (await params).code;
  let raw = param;
  try {
    raw = decodeURIComponent(param);
  } catch {
    // A malformed escape is simply a wrong code.
  }
  const code = normalizeJoinCode(raw);
  const here = `/join/${formatJoinCode(code)}`;
  const db = getDb();
  const [found, user] = await Promise.all([lookupJoinCode(db, raw), auth()]);

  if (found.status !== "open") {
    return (
      <main className="mx-auto max-w-xl px-4 py-16" data-testid="join-page" data-status={found.status}>
        <h1 className="text-3xl font-bold tracking-tight">{found.status === "invalid" ? "This join code does not work" : `You cannot join ${found.cohort.name} now`}</h1>
        <p role="alert" className={`mt-6 ${ERROR_BOX}`}>{found.message}</p>
        <section className={`mt-8 ${CARD}`} aria-label="Try another code">
          <h2 className="mb-3 text-sm font-semibold">Try another code</h2>
          <JoinCodeForm compact />
        </section>
      </main>
    );
  }

  const { cohort } = found;
  const membership = user
    ? await db.cohortMembership.findUnique({ where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } }, select: { joinedAt: true } })
    : null;
  const teaches = user ? (await db.cohortInstructor.count({ where: { cohortId: cohort.id, userId: user.id } })) > 0 : false;

  return (
    <main className="mx-auto max-w-xl px-4 py-16" data-testid="join-page" data-status="open">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">You are invited to a cohort</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight" data-testid="join-cohort-name">{cohort.name}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Taught by {cohort.instructors.join(", ")} · {formatDates(cohort.startsAt, cohort.endsAt)}
      </p>
      {cohort.description && <p className="mt-4 whitespace-pre-line">{cohort.description}</p>}
      <div className={`mt-8 ${CARD}`}>
        {!user ? (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-200">To join, sign in or create a free account. You will come back here to confirm.</p>
            <div className="mt-4 flex flex-wrap gap-3">
              <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={BUTTON}>Create an account</Link>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={BUTTON_QUIET}>Sign in</Link>
            </div>
          </>
        ) : teaches ? (
          <p className="text-sm">
            You teach this cohort.{" "}
            <Link href={`/instructor/cohorts/${cohort.id}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">Open its dashboard</Link>
          </p>
        ) : membership ? (
          <p role="status" className={OK_BOX} data-testid="already-member">
            You are already in <strong>{cohort.name}</strong>. <Link href="/learn" className="font-medium underline">Go to the course</Link>
          </p>
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-700 dark:text-slate-200">
              Signed in as <strong>{user.name}</strong> ({user.email}). Joining lets this cohort&apos;s instructors see your progress in the course, your exercise
              code and your quiz answers. You can leave at any time on the Join page.
            </p>
            <JoinButton code={code} cohortName={cohort.name} />
          </>
        )}
      </div>
    </main>
  );
}
