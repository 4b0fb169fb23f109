import { useTranslations } from "next-intl";
import { LocaleLink as Link } from "@/components/layout/locale-link";

/** Shown to a signed-in account without the instructor role. */
export function NotInstructor() {
  const t = useTranslations("instructor.notInstructor");
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center" data-testid="not-instructor">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">{t("eyebrow")}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        {t("body")}
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <Link href="/join" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">{t("join")}</Link>
        <Link href="/dashboard" className="rounded-md px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">{t("progress")}</Link>
      </div>
    </main>
  );
}
