import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { ClientMessages } from "@/components/layout/client-messages";
import { can } from "@/lib/auth/permissions";
import { CohortTabs } from "@/components/instructor/cohort-tabs";
import { formatDates } from "@/components/instructor/format";
import { NotInstructor } from "@/components/instructor/not-instructor";
import { cohortForPage, signedInOrRedirect } from "@/lib/auth/page-guard";

/** The cohort's header and section tabs, around every cohort page. Checks access first. */
export default async function CohortLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}`);
  if (!can(user.role, "read:progress:cohort")) return <NotInstructor />;
  const cohort = await cohortForPage(user, id);
  const [t, locale] = await Promise.all([getTranslations("instructor"), getLocale()]);
  return (
    <main className="mx-auto max-w-7xl px-4 py-8">
      <p className="text-sm">
        <Link href="/instructor" className="text-slate-500 hover:underline dark:text-slate-400">{t("layout.back")}</Link>
      </p>
      <div className="mt-1 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight" data-testid="cohort-name">{cohort.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t("layout.summary", {
            dates: formatDates(cohort.startsAt, cohort.endsAt, locale),
            learners: t("units.learners", { count: cohort.memberCount }),
            instructors: cohort.instructors.map((i) => i.name).join(", "),
          })}
        </p>
      </div>
      {!cohort.teaches && (
        <p className="mt-3 rounded-md bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">{t("layout.adminReadOnly")}</p>
      )}
      {/* Every client component of the cohort pages (tabs, roster, forms) reads "instructor". */}
      <ClientMessages namespaces={["instructor"]}>
        <CohortTabs cohortId={cohort.id} manage={cohort.teaches} />
        <div className="mt-6">{children}</div>
      </ClientMessages>
    </main>
  );
}
