import { useTranslations } from "next-intl";

/**
 * One line above a translated lesson whose English changed since it was translated (decision 023):
 * the reader can switch to the current English. A plain link with hreflang: English is unprefixed.
 */
export function StaleTranslationNotice({ href }: { href: string }) {
  const t = useTranslations("lesson");
  return (
    <p role="note" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/40" data-testid="stale-translation">
      {t("staleNotice")}{" "}
      <a href={`/en${href}`} hrefLang="en" lang="en" className="font-medium underline">{t("staleLink")}</a>
    </p>
  );
}
