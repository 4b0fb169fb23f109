"use client";
import { useTranslations } from "next-intl";

/** The error page's content; app/[locale]/error.tsx loads it, with its messages, only when a page fails. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center" role="alert">
      <h1 className="text-3xl font-bold tracking-tight">{t("errorTitle")}</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        {t("errorBody")} {error.digest && <span>{t("errorReference", { digest: error.digest })}</span>}
      </p>
      <button type="button" onClick={reset} className="mt-8 rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
        {t("errorRetry")}
      </button>
    </main>
  );
}
