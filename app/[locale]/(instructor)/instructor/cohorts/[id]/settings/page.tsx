import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/components/instructor/page-title";
import { hasJoinCode } from "@/lib/cohorts/cohorts";
import { CohortSettings } from "@/components/instructor/cohort-settings";
import { cohortForPage, signedInOrRedirect } from "@/lib/auth/page-guard";

export const generateMetadata = pageTitle("instructor", "meta.settings");
export const dynamic = "force-dynamic";

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function SettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/instructor/cohorts/${id}/settings`);
  const cohort = await cohortForPage(user, id);
  if (!hasJoinCode(cohort)) {
    const t = await getTranslations("instructor.settings");
    return <p className="text-sm text-slate-600 dark:text-slate-300">{t("onlyInstructors")}</p>;
  }
  return (
    <CohortSettings
      me={user.id}
      cohort={{
        id: cohort.id,
        name: cohort.name,
        description: cohort.description,
        startsAt: day(cohort.startsAt),
        endsAt: cohort.endsAt ? day(cohort.endsAt) : null,
        joinOpen: cohort.joinOpen,
        joinCodeDisplay: cohort.joinCodeDisplay,
        instructors: cohort.instructors,
      }}
    />
  );
}
