"use client";
import { Link } from "@/i18n/navigation";
import { usePathname } from "@/i18n/navigation";
import { useTranslations } from "next-intl";

/** The cohort dashboard's sections; the current one is marked for screen readers too. */
export function CohortTabs({ cohortId, manage }: { cohortId: string; manage: boolean }) {
  const pathname = usePathname();
  const t = useTranslations("instructor.tabs");
  const base = `/instructor/cohorts/${cohortId}`;
  const tabs = [
    { href: base, label: t("overview") },
    { href: `${base}/matrix`, label: t("matrix") },
    { href: `${base}/exercises`, label: t("exercises") },
    { href: `${base}/quizzes`, label: t("quizzes") },
    ...(manage ? [{ href: `${base}/settings`, label: t("settings") }] : []),
  ];
  const current = (href: string) => (href === base ? pathname === base || pathname.startsWith(`${base}/learners`) : pathname.startsWith(href));
  return (
    <nav aria-label={t("label")} className="mt-6 border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={current(tab.href) ? "page" : undefined}
              className={`inline-block border-b-2 px-3 py-2 font-medium ${
                current(tab.href)
                  ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
