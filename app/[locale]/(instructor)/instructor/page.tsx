import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { PageHeading } from "@/components/layout/page-heading";
import { ClientMessages } from "@/components/layout/client-messages";
import { pageTitle } from "@/components/instructor/page-title";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listCohorts, type CohortSummary } from "@/lib/cohorts/cohorts";
import { CreateCohortForm } from "@/components/instructor/create-cohort-form";
import { formatDates } from "@/components/instructor/format";
import { NotInstructor } from "@/components/instructor/not-instructor";
import { signedInOrRedirect } from "@/lib/auth/page-guard";
import { CARD, LINK } from "@/components/instructor/ui";

export const generateMetadata = pageTitle("instructor", "meta.cohorts");
export const dynamic = "force-dynamic";

export default async function InstructorHome() {
  const user = await signedInOrRedirect("/instructor");
  if (!can(user.role, "manage:cohort:cohort")) return <NotInstructor />;
  const cohorts = await listCohorts(getDb(), user);
  const teaching = cohorts.filter((c) => c.teaches);
  const others = cohorts.filter((c) => !c.teaches);
  const t = await getTranslations("instructor.home");

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <PageHeading title={t("title")} lead={t("lead")} />
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="teaching-heading">
          <h2 id="teaching-heading" className="text-lg font-semibold">{t("teaching")}</h2>
          {teaching.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">{t("none")}</p>
          ) : (
            <CohortList cohorts={teaching} locale={await getLocale()} />
          )}
          {others.length > 0 && (
            <>
              <h2 className="mt-10 text-lg font-semibold">{t("others")}</h2>
              <CohortList cohorts={others} locale={await getLocale()} />
            </>
          )}
        </section>
        <section aria-labelledby="new-cohort-heading" className={CARD}>
          <h2 id="new-cohort-heading" className="text-lg font-semibold">{t("newCohort")}</h2>
          <div className="mt-4">
            <ClientMessages namespaces={["instructor"]}>
              <CreateCohortForm today={new Date().toISOString().slice(0, 10)} />
            </ClientMessages>
          </div>
        </section>
      </div>
    </main>
  );
}

async function CohortList({ cohorts, locale }: { cohorts: CohortSummary[]; locale: string }) {
  const t = await getTranslations("instructor");
  return (
    <ul className="mt-3 space-y-3" data-testid="cohort-list">
      {cohorts.map((c) => (
        <li key={c.id} className={CARD}>
          <Link href={`/instructor/cohorts/${c.id}`} className={`text-lg ${LINK}`}>{c.name}</Link>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {formatDates(c.startsAt, c.endsAt, locale)} · {t("units.learners", { count: c.memberCount })} · {c.joinOpen ? t("home.joiningOpen") : t("home.joiningClosed")}
          </p>
          {c.description && <p className="mt-2 line-clamp-2 text-sm text-slate-600 dark:text-slate-300">{c.description}</p>}
        </li>
      ))}
    </ul>
  );
}
