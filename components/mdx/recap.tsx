import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

export function Recap({ children }: { children: ReactNode }) {
  const t = useTranslations("lesson");
  return (
    <section aria-labelledby="recap-heading" className="my-10 rounded-xl border border-slate-200 bg-slate-50 p-6 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="recap-heading" className="!mt-0 text-lg font-bold">{t("recap")}</h2>
      <div className="prose-lesson mt-3">{children}</div>
    </section>
  );
}
