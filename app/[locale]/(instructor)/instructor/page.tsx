import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listCohorts, type CohortSummary } from "@/lib/cohorts/cohorts";
import { CreateCohortForm } from "@/components/instructor/create-cohort-form";
import { formatDates, plural } from "@/components/instructor/format";
import { NotInstructor } from "@/components/instructor/not-instructor";
import { signedInOrRedirect } from "@/lib/auth/page-guard";
import { CARD, LINK } from "@/components/instructor/ui";

export const metadata: Metadata = { title: "Cohorts" };
export const dynamic = "force-dynamic";

export default async function InstructorHome() {
  const user = await signedInOrRedirect("/instructor");
  if (!can(user.role, "manage:cohort:cohort")) return <NotInstructor />;
  const cohorts = await listCohorts(getDb(), user);
  const teaching = cohorts.filter((c) => c.teaches);
  const others = cohorts.filter((c) => !c.teaches);

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Your cohorts</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        A cohort is a group of learners you follow through the course: they join with a code or a link, and you see their progress, their code and their quiz answers.
      </p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="teaching-heading">
          <h2 id="teaching-heading" className="text-lg font-semibold">Cohorts you teach</h2>
          {teaching.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">None yet. Create your first cohort with the form.</p>
          ) : (
            <CohortList cohorts={teaching} />
          )}
          {others.length > 0 && (
            <>
              <h2 className="mt-10 text-lg font-semibold">Other cohorts (admin, read only)</h2>
              <CohortList cohorts={others} />
            </>
          )}
        </section>
        <section aria-labelledby="new-cohort-heading" className={CARD}>
          <h2 id="new-cohort-heading" className="text-lg font-semibold">New cohort</h2>
          <div className="mt-4">
            <CreateCohortForm today={new Date().toISOString().slice(0, 10)} />
          </div>
        </section>
      </div>
    </main>
  );
}

function CohortList({ cohorts }: { cohorts: CohortSummary[] }) {
  return (
    <ul className="mt-3 space-y-3" data-testid="cohort-list">
      {cohorts.map((c) => (
        <li key={c.id} className={CARD}>
          <Link href={`/instructor/cohorts/${c.id}`} className={`text-lg ${LINK}`}>{c.name}</Link>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {formatDates(c.startsAt, c.endsAt)} · {plural(c.memberCount, "learner")} · {c.joinOpen ? "joining open" : "joining closed"}
          </p>
          {c.description && <p className="mt-2 line-clamp-2 text-sm text-slate-600 dark:text-slate-300">{c.description}</p>}
        </li>
      ))}
    </ul>
  );
}
