import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProfile } from "@/lib/progress/account";
import { DeleteAccountForm } from "@/components/dashboard/delete-account-form";
import { TrackSwitch } from "@/components/dashboard/track-switch";
import { formatLongDay } from "@/lib/time-format";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

const SECTION = "rounded-xl border border-slate-200 p-6 dark:border-slate-800";

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await auth();
  if (!user) redirect("/sign-in?callbackUrl=%2Faccount");
  const profile = await getProfile(getDb(), user.id);
  const since = formatLongDay(profile.createdAt, locale);

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Signed in as <span className="font-medium" data-testid="account-email">{profile.email}</span> · member since {since}.{" "}
        <Link href="/dashboard" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">See your progress</Link>
      </p>

      <section aria-labelledby="track-heading" className={`mt-8 ${SECTION}`}>
        <h2 id="track-heading" className="text-lg font-semibold">Track</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Both tracks read the same lessons and take the same quizzes. Switch whenever you like: nothing you did is lost, only what your progress counts changes.
        </p>
        <div className="mt-4">
          <TrackSwitch initialTrack={profile.track} />
        </div>
      </section>

      <section aria-labelledby="data-heading" className={`mt-6 ${SECTION}`}>
        <h2 id="data-heading" className="text-lg font-semibold">Your data</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          One JSON file with everything stored about you: your profile, lesson progress and reading time, exercise code and runs, and quiz answers.
        </p>
        <a href="/api/me/export" download className="mt-4 inline-block rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900" data-testid="export-link">
          Download my data
        </a>
      </section>

      <section aria-labelledby="delete-heading" className="mt-6 rounded-xl border border-red-200 p-6 dark:border-red-900">
        <h2 id="delete-heading" className="text-lg font-semibold text-red-800 dark:text-red-300">Delete account</h2>
        <DeleteAccountForm email={profile.email} />
      </section>
    </main>
  );
}
