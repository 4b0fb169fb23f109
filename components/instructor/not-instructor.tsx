import { Link } from "@/i18n/navigation";

/** Shown to a signed-in account without the instructor role. */
export function NotInstructor() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center" data-testid="not-instructor">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">Instructors only</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page is for instructors</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        Your account is a learner account. If you teach a cohort, ask an admin to make your account an instructor. To join a cohort as a learner, use the
        join code your instructor gave you.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <Link href="/join" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">Join a cohort</Link>
        <Link href="/dashboard" className="rounded-md px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">Your progress</Link>
      </div>
    </main>
  );
}
