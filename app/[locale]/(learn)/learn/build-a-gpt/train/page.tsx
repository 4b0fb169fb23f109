import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { enterLocale } from "@/i18n/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { TrainingLoader } from "@/components/capstone/training-loader";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "capstone" });
  return { title: t("pageTitle"), description: t("pageDescription") };
}

export default async function TrainPage({ params }: Props) {
  await enterLocale(params);
  const t = await getTranslations("capstone");
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        {t.rich("breadcrumb", {
          link: (chunks) => (
            <Link href="/learn" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("pageTitle")}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">{t("intro")}</p>
      <div className="mt-8">
        {/* The trainer's client code gets the capstone messages only. */}
        <ClientMessages namespaces={["capstone"]}>
          <TrainingLoader />
        </ClientMessages>
      </div>
    </main>
  );
}
