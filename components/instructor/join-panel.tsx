import { useTranslations } from "next-intl";
import type { TeacherCohortDetails } from "@/lib/cohorts/cohorts";
import { CopyButton } from "./copy-button";
import { CARD, LINK } from "./ui";

/** The join code and link to share with learners, and whether joining is open. */
export function JoinPanel({ cohort }: { cohort: TeacherCohortDetails }) {
  const t = useTranslations("instructor.invite");
  return (
    <section aria-labelledby="join-heading" className={CARD} data-testid="join-panel">
      <h2 id="join-heading" className="text-sm font-semibold text-slate-700 dark:text-slate-200">{t("heading")}</h2>
      {cohort.joinOpen ? (
        <>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("share")}</p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <span className="text-sm text-slate-500 dark:text-slate-400">{t("code")}</span>
            <code className="rounded bg-slate-100 px-2 py-1 font-mono text-lg tracking-widest dark:bg-slate-800" data-testid="join-code">{cohort.joinCodeDisplay}</code>
            <CopyButton text={cohort.joinCodeDisplay} label={t("copyCode")} />
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <span className="text-sm text-slate-500 dark:text-slate-400">{t("link")}</span>
            <a href={cohort.joinPath} className={`break-all text-sm ${LINK}`} data-testid="join-link">{cohort.joinPath}</a>
            <CopyButton text={cohort.joinPath} label={t("copyLink")} absolute />
          </div>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {t.rich("closed", { joinCode: cohort.joinCodeDisplay, mono: (chunks) => <code className="font-mono">{chunks}</code> })}
        </p>
      )}
    </section>
  );
}
