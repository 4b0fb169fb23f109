"use client";
import { useRouter } from "@/i18n/navigation";
import { useEffect, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { syncLocalProgress } from "@/components/progress/account-progress";
import { hasLocalProgress } from "@/lib/learner-state/merge";
import { dismissDroppedNotes, readDroppedNotes, type DroppedNote } from "@/lib/learner-state/outbox";
import { browserStorage } from "@/lib/learner-state/storage";

/**
 * On a signed-in, server-rendered page: merges anything still kept in this browser (after a
 * GitHub sign-in, say, which does not pass through the sign-in form) and re-renders the page
 * with it. Shows what the browser had to give up on (a write the server refused for good, or
 * failed on again and again), so nothing disappears without a word.
 */
export function AccountSync({ userId }: { userId: string }) {
  const router = useRouter();
  const [notes, setNotes] = useState<DroppedNote[]>([]);
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const format = useFormatter();
  /** English pages show the note as it was written; others word it from its data (decision 041). */
  const describe = (note: DroppedNote): string => {
    if (locale === "en") return `${note.what}: ${note.reason}`;
    if (!note.subject) return t("dropped.unknown");
    const when = format.dateTime(new Date(note.subject.when), { dateStyle: "medium", timeStyle: "short" });
    const what = t(note.subject.kind === "run" ? "dropped.run" : "dropped.lesson", { id: note.subject.id, when });
    if (!note.failure) return what;
    const why = note.failure.failures
      ? t("dropped.serverFailed", { status: note.failure.status, count: note.failure.failures })
      : t("dropped.refused", { status: note.failure.status });
    return `${what}${t("dropped.separator")}${why}`;
  };
  useEffect(() => {
    const storage = browserStorage();
    if (!storage) return;
    const show = () => setNotes(readDroppedNotes(storage, userId));
    if (!hasLocalProgress(storage, userId)) {
      show();
      return;
    }
    void syncLocalProgress(userId).then((result) => {
      show();
      if (result.requests > 0) router.refresh();
    });
  }, [userId, router]);
  if (notes.length === 0) return null;
  return (
    <div role="status" data-testid="dropped-writes" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-semibold">{t("droppedTitle", { count: notes.length })}</p>
      <ul className="mt-2 list-disc pl-5">
        {notes.map((note, i) => (
          <li key={i}>{describe(note)}</li>
        ))}
      </ul>
      <button
        type="button"
        className="mt-3 rounded-md border border-amber-400 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-600 dark:hover:bg-amber-900"
        onClick={() => {
          const storage = browserStorage();
          if (storage) dismissDroppedNotes(storage, userId);
          setNotes([]);
        }}
      >
        {t("dismiss")}
      </button>
    </div>
  );
}
