import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { redirect } from "next/navigation";
import { enterLocale } from "@/i18n/server";
import { localizedPath } from "@/i18n/routing";
import { auth } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProfile } from "@/lib/progress/account";
import { ClientMessages } from "@/components/layout/client-messages";
import { DeleteAccountForm } from "@/components/dashboard/delete-account-form";
import { TrackSwitch } from "@/components/dashboard/track-switch";
import { formatLongDay } from "@/lib/time-format";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "dashboard" }))("accountTitle") };
}
export const dynamic = "force-dynamic";

const SECTION = "rounded-xl border border-slate-200 p-6 dark:border-slate-800";

export default async function AccountPage({ params }: Props) {
  const locale = await enterLocale(params);
  const user = await auth();
  if (!user) redirect(`${localizedPath("/sign-in", locale)}?callbackUrl=${encodeURIComponent(localizedPath("/account", locale))}`);
  const profile = await getProfile(getDb(), user.id);
  const since = formatLongDay(profile.createdAt, locale);
  const t = await getTranslations("dashboard");

  return (
    <ClientMessages namespaces={["dashboard"]}>
      <main className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold tracking-tight">{t("accountTitle")}</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          {t.rich("signedInAs", {
            since,
            email: () => (
              <span className="font-medium" data-testid="account-email">
                {profile.email}
              </span>
            ),
          })}{" "}
          <Link href="/dashboard" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">{t("seeProgress")}</Link>
        </p>

        <section aria-labelledby="track-heading" className={`mt-8 ${SECTION}`}>
          <h2 id="track-heading" className="text-lg font-semibold">{t("trackHeading")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t("trackIntro")}</p>
          <div className="mt-4">
            <TrackSwitch initialTrack={profile.track} />
          </div>
        </section>

        <section aria-labelledby="data-heading" className={`mt-6 ${SECTION}`}>
          <h2 id="data-heading" className="text-lg font-semibold">{t("dataHeading")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t("dataIntro")}</p>
          <a href="/api/me/export" download className="mt-4 inline-block rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900" data-testid="export-link">
            {t("downloadData")}
          </a>
        </section>

        <section aria-labelledby="delete-heading" className="mt-6 rounded-xl border border-red-200 p-6 dark:border-red-900">
          <h2 id="delete-heading" className="text-lg font-semibold text-red-800 dark:text-red-300">{t("deleteHeading")}</h2>
          <DeleteAccountForm email={profile.email} />
        </section>
      </main>
    </ClientMessages>
  );
}
