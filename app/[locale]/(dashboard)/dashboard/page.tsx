import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProgressCatalog } from "@/lib/course/course-index-server";
import { getDashboard } from "@/lib/progress/snapshot";
import { enterLocale } from "@/i18n/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { AccountSync } from "@/components/dashboard/account-sync";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { LocalDashboard } from "@/components/dashboard/local-dashboard";
import { summaryWords } from "@/components/dashboard/summary-words";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "dashboard" }))("title") };
}
// Per learner, always fresh.
export const dynamic = "force-dynamic";

export default async function DashboardPage({ params }: Props) {
  const locale = await enterLocale(params);
  const user = await auth();
  // Titles in the page's language; ids, links and counting are the same in every language.
  const catalog = getProgressCatalog(locale);
  if (!user) {
    return (
      <ClientMessages namespaces={["dashboard"]}>
        <LocalDashboard catalog={catalog} />
      </ClientMessages>
    );
  }
  const summary = await getDashboard(getDb(), catalog, user.id, summaryWords(await getTranslations("dashboard")));
  return (
    <ClientMessages namespaces={["dashboard"]}>
      <AccountSync userId={user.id} />
      <DashboardView summary={summary} mode="account" now={Date.now()} />
    </ClientMessages>
  );
}
