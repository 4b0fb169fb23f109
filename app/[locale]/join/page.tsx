import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listMyCohorts } from "@/lib/cohorts/membership";
import { JoinCodeForm } from "@/components/instructor/join-code-form";
import { MyCohorts } from "@/components/instructor/my-cohorts";
import { CARD } from "@/components/instructor/ui";
import { pageTitle } from "@/components/instructor/page-title";
import { PageHeading } from "@/components/layout/page-heading";

export const generateMetadata = pageTitle("join", "meta.title");
export const dynamic = "force-dynamic";

export default async function JoinPage() {
  const user = await auth();
  const mine = user ? await listMyCohorts(getDb(), user) : [];
  const t = await getTranslations("join.page");
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      <PageHeading title={t("title")} lead={t("lead")} />
      <section className={`mt-8 ${CARD}`} aria-label={t("codeSection")}>
        <JoinCodeForm />
      </section>
      {user && (
        <section className="mt-10" aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="text-lg font-semibold">{t("mine")}</h2>
          <div className="mt-2">
            <MyCohorts cohorts={mine.map((c) => ({ id: c.id, name: c.name, joinedAt: c.joinedAt.toISOString(), instructors: c.instructors }))} />
          </div>
        </section>
      )}
    </main>
  );
}
