import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { enterLocale } from "@/i18n/server";
import { TrainingLoader } from "@/components/capstone/training-loader";

export const metadata: Metadata = {
  title: "Train your GPT",
  description: "A character-level GPT assembled from your own exercise code, trained in your browser on the course's lessons.",
};

export default async function TrainPage({ params }: { params: Promise<{ locale: string }> }) {
  await enterLocale(params);
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/learn" className="underline">Course</Link> · Chapter 6 · Capstone
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Train your GPT</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        A small GPT that reads one character at a time, built from the pieces you wrote in the exercises and trained here, in your
        browser, on the text of this course&apos;s lessons. It starts out producing noise; watch the loss fall below the best a
        model that only looks at the previous character can do, and the samples turn into words. Your run is saved in this browser as
        it goes: close the tab and it picks up where it stopped.
      </p>
      <div className="mt-8">
        <TrainingLoader />
      </div>
    </main>
  );
}
