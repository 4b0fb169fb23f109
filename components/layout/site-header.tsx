import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { currentLocale } from "@/i18n/server";
import { DocumentLink as Link } from "./document-link";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { LocaleSwitch } from "./locale-switch";

/**
 * The header on every page. Its client parts (language switch, theme, user menu) get their words
 * and localized links as props: no next-intl provider in the browser (decision 037).
 */
export async function SiteHeader() {
  const t = await getTranslations("common");
  const locale = await currentLocale();
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7 text-indigo-600 dark:text-indigo-400">
            <rect x="2" y="2" width="28" height="28" rx="7" fill="currentColor" />
            <path d="M9 22V10h3v9.5h6V22H9Zm11 0V10h3v12h-3Z" fill="white" />
          </svg>
          <span>LLM Academy</span>
        </Link>
        <nav aria-label={t("mainNav")} className="hidden items-center gap-1 text-sm sm:flex">
          <Link href="/learn" className="rounded-md px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800">{t("navCourse")}</Link>
          <Link href="/dashboard" className="rounded-md px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800">{t("navProgress")}</Link>
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <LocaleSwitch locale={locale} label={t("language")} />
          <ThemeToggle labels={{ switch: t("themeSwitch"), toDark: t("themeToDark"), toLight: t("themeToLight") }} />
          <UserMenu
            links={{
              signedOut: (
                <>
                  <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800">{t("signIn")}</Link>
                  <Link href="/sign-up" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700">{t("signUp")}</Link>
                </>
              ),
              progress: <MenuLink href="/dashboard">{t("menuProgress")}</MenuLink>,
              cohorts: <MenuLink href="/instructor">{t("menuCohorts")}</MenuLink>,
              admin: <MenuLink href="/admin">{t("menuAdmin")}</MenuLink>,
              account: <MenuLink href="/account">{t("menuAccount")}</MenuLink>,
            }}
            roleLabels={{ LEARNER: t("roleLearner"), INSTRUCTOR: t("roleInstructor"), ADMIN: t("roleAdmin") }}
            signOutLabel={t("signOut")}
          />
        </div>
      </div>
    </header>
  );
}

function MenuLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link role="menuitem" href={href} className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
      {children}
    </Link>
  );
}
