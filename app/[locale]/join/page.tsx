import type { Metadata } from "next";
import { auth } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listMyCohorts } from "@/lib/cohorts/membership";
import { JoinCodeForm } from "@/components/instructor/join-code-form";
import { MyCohorts } from "@/components/instructor/my-cohorts";
import { CARD } from "@/components/instructor/ui";

export const metadata: Metadata = { title: "Join a cohort" };
export const dynamic = "force-dynamic";

export default async function JoinPage() {
  const user = await auth();
  const mine = user ? await listMyCohorts(getDb(), user) : [];
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Join a cohort</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Taking the course with a class or a team? Enter the join code your instructor gave you. Your instructors will see your progress in the course, your
        exercise code and your quiz answers; other learners see nothing of yours.
      </p>
      <section className={`mt-8 ${CARD}`} aria-label="Join code">
        <JoinCodeForm />
      </section>
      {user && (
        <section className="mt-10" aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="text-lg font-semibold">Your cohorts</h2>
          <div className="mt-2">
            <MyCohorts cohorts={mine.map((c) => ({ id: c.id, name: c.name, joinedAt: c.joinedAt.toISOString(), instructors: c.instructors }))} />
          </div>
        </section>
      )}
    </main>
  );
}
