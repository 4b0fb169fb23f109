import type { Metadata } from "next";
import { auth } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProgressCatalog } from "@/lib/progress/catalog-server";
import { getDashboard } from "@/lib/progress/snapshot";
import { AccountSync } from "@/components/dashboard/account-sync";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { LocalDashboard } from "@/components/dashboard/local-dashboard";

export const metadata: Metadata = { title: "Your progress" };
// Per learner, always fresh.
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await auth();
  const catalog = getProgressCatalog();
  if (!user) return <LocalDashboard catalog={catalog} />;
  const summary = await getDashboard(getDb(), catalog, user.id);
  return (
    <>
      <AccountSync userId={user.id} />
      <DashboardView summary={summary} mode="account" now={Date.now()} />
    </>
  );
}
