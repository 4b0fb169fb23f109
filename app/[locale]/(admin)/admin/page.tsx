import { getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { PageHeading } from "@/components/layout/page-heading";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/cohorts/roles";
import { signedInOrRedirect } from "@/lib/auth/page-guard";
import { RoleManager } from "@/components/instructor/role-manager";
import { pageTitle } from "@/components/instructor/page-title";

export const generateMetadata = pageTitle("admin", "meta.title");
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const user = await signedInOrRedirect("/admin");
  const t = await getTranslations("admin");
  if (!can(user.role, "update:role:any")) {
    return (
      <main className="mx-auto max-w-xl px-4 py-24 text-center" data-testid="not-admin">
        <h1 className="text-3xl font-bold tracking-tight">{t("notAdmin.title")}</h1>
        <p className="mt-4 text-slate-600 dark:text-slate-300">{t("notAdmin.body")}</p>
        <Link href="/" className="mt-8 inline-block rounded-md px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">{t("notAdmin.home")}</Link>
      </main>
    );
  }
  const { users, total } = await listUsers(getDb(), user, { take: 50 });
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <PageHeading title={t("page.title")} lead={t("page.lead")} leadClassName="max-w-2xl" />
      <div className="mt-8">
        <RoleManager me={user.id} total={total} initial={users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))} />
      </div>
    </main>
  );
}
