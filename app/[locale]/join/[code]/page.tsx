import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { auth } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { lookupJoinCode } from "@/lib/cohorts/membership";
import { formatJoinCode, normalizeJoinCode } from "@/lib/cohorts/join-code";
import { formatDates } from "@/components/instructor/format";
import { JoinButton } from "@/components/instructor/join-button";
import { JoinCodeForm } from "@/components/instructor/join-code-form";
import { BUTTON, BUTTON_QUIET, CARD, ERROR_BOX, OK_BOX } from "@/components/instructor/ui";
import { pageTitle } from "@/components/instructor/page-title";
import { formatLongDay } from "@/lib/time-format";

export const generateMetadata = pageTitle("join", "meta.title", { robots: { index: false } });
export const dynamic = "force-dynamic";

/** The day a cohort ended: ISO in English (the text the page always showed, as the API's message does), the long date in Chinese. */
const endedDay = (endsAt: Date, locale: string) => (locale === "en" ? endsAt.toISOString().slice(0, 10) : formatLongDay(endsAt, locale));

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
  const [found, user, t, locale] = await Promise.all([lookupJoinCode(db, raw), auth(), getTranslations("join.code"), getLocale()]);

  if (found.status !== "open") {
    return (
      <main className="mx-auto max-w-xl px-4 py-16" data-testid="join-page" data-status={found.status}>
        <h1 className="text-3xl font-bold tracking-tight">{found.status === "invalid" ? t("invalidTitle") : t("unavailableTitle", { name: found.cohort.name })}</h1>
        {/* The page's words, not found.message: the lookup's message is the API's English text. */}
        <p role="alert" className={`mt-6 ${ERROR_BOX}`}>
          {found.status === "invalid" ? t("wrongCode") : found.status === "closed" ? t("closed") : t("ended", { day: endedDay(found.endsAt, locale) })}
        </p>
        <section className={`mt-8 ${CARD}`} aria-label={t("tryAnother")}>
          <h2 className="mb-3 text-sm font-semibold">{t("tryAnother")}</h2>
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
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">{t("invited")}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight" data-testid="join-cohort-name">{cohort.name}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        {t("taughtBy", { instructors: cohort.instructors.join(locale === "zh" ? "、" : ", "), dates: formatDates(cohort.startsAt, cohort.endsAt, locale) })}
      </p>
      {cohort.description && <p className="mt-4 whitespace-pre-line">{cohort.description}</p>}
      <div className={`mt-8 ${CARD}`}>
        {!user ? (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-200">{t("signInFirst")}</p>
            <div className="mt-4 flex flex-wrap gap-3">
              <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={BUTTON}>{t("createAccount")}</Link>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={BUTTON_QUIET}>{t("signIn")}</Link>
            </div>
          </>
        ) : teaches ? (
          <p className="text-sm">
            {t("youTeach")}{" "}
            <Link href={`/instructor/cohorts/${cohort.id}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">{t("openDashboard")}</Link>
          </p>
        ) : membership ? (
          <p role="status" className={OK_BOX} data-testid="already-member">
            {t.rich("alreadyMember", { name: cohort.name, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
            <Link href="/learn" className="font-medium underline">{t("goToCourse")}</Link>
          </p>
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-700 dark:text-slate-200">
              {t.rich("consent", { name: user.name ?? "", email: user.email ?? "", strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
            <JoinButton code={code} cohortName={cohort.name} />
          </>
        )}
      </div>
    </main>
  );
}
