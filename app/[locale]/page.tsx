import { getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/layout/locale-link";
import { enterLocale } from "@/i18n/server";
import { getManifest } from "@/lib/content/loader";

/** The two tracks, each with a card (its title and body are `home.<track>Title` and `home.<track>Body`). */
const TRACKS = ["concept", "builder"] as const;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterLocale(params);
  const { course, chapters, lessons } = getManifest(locale);
  const t = await getTranslations("home");
  const tl = await getTranslations("lesson");
  const minutes = lessons.reduce((sum, l) => sum + l.minutes, 0);
  const first = lessons[0];
  return (
    <main className="mx-auto max-w-5xl px-4">
      <section className="py-16 sm:py-24">
        <p className="text-sm font-semibold uppercase tracking-wider text-indigo-600 dark:text-indigo-400">{t("eyebrow")}</p>
        <h1 className="mt-3 text-4xl font-bold tracking-tight sm:text-5xl">{course.title}</h1>
        <p className="mt-6 max-w-2xl text-lg text-slate-600 dark:text-slate-300">{course.summary}</p>
        <p className="mt-4 text-sm text-slate-500 dark:text-slate-400">
          {t("stats", { chapters: chapters.length, lessons: lessons.length, hours: Math.round(minutes / 60) })}
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          {first && (
            <Link href={first.href} className="rounded-md bg-indigo-600 px-5 py-3 font-medium text-white hover:bg-indigo-700">
              {t("start")}
            </Link>
          )}
          <Link href="/learn" className="rounded-md border border-slate-300 px-5 py-3 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
            {t("outline")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="tracks" className="grid gap-4 sm:grid-cols-2">
        <h2 id="tracks" className="sr-only">{t("tracksHeading")}</h2>
        {TRACKS.map((track) => (
          <div key={track} className="rounded-xl border border-slate-200 p-6 dark:border-slate-800">
            <h3 className="font-semibold">{t(`${track}Title`)}</h3>
            <p className="mt-2 text-slate-600 dark:text-slate-300">{t(`${track}Body`)}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="chapters" className="py-16">
        <h2 id="chapters" className="text-2xl font-bold tracking-tight">{t("learnHeading")}</h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-2">
          {chapters.map((chapter) => (
            <li key={chapter.slug} className="rounded-xl border border-slate-200 p-6 dark:border-slate-800">
              <p className="text-sm text-slate-500 dark:text-slate-400">{tl("chapterLabel", { number: chapter.number })}</p>
              <h3 className="mt-1 text-lg font-semibold">
                {chapter.lessons[0] ? <Link href={chapter.lessons[0].href} className="hover:underline">{chapter.title}</Link> : chapter.title}
              </h3>
              <p className="mt-2 text-slate-600 dark:text-slate-300">{chapter.summary}</p>
              <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">{t("chapterLessons", { count: chapter.lessons.length, minutes: chapter.minutes })}</p>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
