"use client";
import { usePathname } from "next/navigation";
import { localizedPath, unlocalizedPath, type Locale } from "@/lib/i18n/locales";
import { useSession } from "@/components/auth/session-store";
import { rememberLocale, storeAccountLocale } from "@/components/auth/account-locale";

const LABELS: Record<Locale, string> = { en: "English", zh: "简体中文" };

/**
 * English / 简体中文 in the header: the same page in the other language (hash kept, so a reader
 * keeps their place). The choice goes into the locale cookie (anonymous readers) and, for a
 * signed-in user, onto the account (PUT /api/me/locale), which sign-in applies on any device.
 */
export function LocaleSwitch({ locale, label }: { locale: Locale; label: string }) {
  // The page's path without its locale prefix (the header passes the locale and the label: decision 037).
  const pathname = unlocalizedPath(usePathname());
  const { data } = useSession();

  async function choose(event: React.MouseEvent<HTMLAnchorElement>, target: Locale) {
    event.preventDefault();
    rememberLocale(target);
    if (data?.user) await storeAccountLocale(target);
    // A full page load: the other locale is a different set of server-rendered pages.
    window.location.assign(localizedPath(pathname, target) + window.location.search + window.location.hash);
  }

  return (
    <nav aria-label={label} className="flex items-center text-sm" data-testid="locale-switch">
      {(Object.keys(LABELS) as Locale[]).map((target) =>
        target === locale ? (
          <span key={target} aria-current="true" className="rounded-md px-2 py-1 font-semibold" lang={target === "zh" ? "zh-CN" : "en"}>
            {LABELS[target]}
          </span>
        ) : (
          <a
            key={target}
            href={localizedPath(pathname, target)}
            hrefLang={target === "zh" ? "zh-CN" : "en"}
            lang={target === "zh" ? "zh-CN" : "en"}
            onClick={(event) => void choose(event, target)}
            className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            {LABELS[target]}
          </a>
        ),
      )}
    </nav>
  );
}
