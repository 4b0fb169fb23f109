import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import "../globals.css";
import { SiteHeader } from "@/components/layout/site-header";
import { themeBootScript } from "@/components/layout/theme-toggle";
import { HTML_LANG, isLocale, LOCALES } from "@/i18n/routing";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

// One static shell per locale; an unknown first segment never reaches here (the proxy prefixes
// every page path with a locale), and a stray /xx is a 404.
export const dynamicParams = false;
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "common" });
  return { title: { default: "LLM Academy", template: "%s · LLM Academy" }, description: t("siteDescription") };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  // Lets next-intl's server APIs read the locale without headers(), so pages stay static.
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <html lang={HTML_LANG[locale]} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {/* No next-intl provider here: the header's client parts get their words as props, and a page
            whose client components read messages wraps them in <ClientMessages> (decision 037). */}
        <SiteHeader />
        <div id="main">{children}</div>
        <footer className="mt-16 border-t border-slate-200 py-8 text-center text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">
          {t("footer")}
        </footer>
      </body>
    </html>
  );
}
