/**
 * Hints, one at a time, each fetched from the server when asked for (the page carries none).
 * Signed in, the server records each view; signed out, this browser notes how many were shown.
 * After a reload the hints shown before are fetched again, in order.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { readLocalState, updateLocalState } from "@/lib/learner-state/exercises";
import { browserStorage as storage } from "@/lib/learner-state/storage";
import { fetchHint, hintElement, HintRefused } from "./hint-content";
import { useServerMessage } from "./use-server-message";

export interface HintsState {
  count: number;
  shown: number;
  texts: ReactNode[];
  error: string | null;
  loading: boolean;
  /** The hint boxes, so a newly shown hint takes the focus. */
  boxes: { current: (HTMLDivElement | null)[] };
  showNext(): Promise<void>;
}

export function useHints(id: string, count: number, signedIn: boolean, hintsUsedOnAccount: number): HintsState {
  const locale = useLocale();
  const t = useTranslations("exercise");
  const serverMessage = useServerMessage();
  // A failed fetch (status 0: no answer) in the page's words.
  const explain = (failure: unknown) => {
    const status = failure instanceof HintRefused ? failure.status : 0;
    return serverMessage({ status, message: (failure as Error).message }, { 422: "hintOrder" }, status ? t("hintFailed", { status }) : t("hintUnreachable"));
  };
  // Hints already revealed: the account's count when signed in, this browser's otherwise.
  const [shown, setShown] = useState(() => {
    const store = storage();
    const revealed = signedIn ? hintsUsedOnAccount : store ? readLocalState(store, id).hintsRevealed : 0;
    return Math.min(count, revealed);
  });
  const [texts, setTexts] = useState<ReactNode[]>([]);
  // The failure itself, worded when shown (so it follows the page's language).
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const boxes = useRef<(HTMLDivElement | null)[]>([]);
  const focusHint = useRef<number | null>(null);

  useEffect(() => {
    if (focusHint.current === null) return;
    boxes.current[focusHint.current]?.focus();
    focusHint.current = null;
  }, [shown]);

  // Hints revealed before (an earlier visit): fetch their texts again, in order.
  const initialShown = useRef(shown);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const fetched: ReactNode[] = [];
      try {
        for (let n = 1; n <= initialShown.current; n++) {
          fetched.push(hintElement((await fetchHint(id, n, locale)).content));
          if (!cancelled) setTexts([...fetched]);
        }
      } catch (failure) {
        if (!cancelled) setError(failure);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id, locale]);

  const showNext = async () => {
    const next = shown + 1;
    if (next > count || loading) return;
    setLoading(true);
    setError(null);
    try {
      const hint = await fetchHint(id, next, locale);
      setTexts((current) => [...current.slice(0, next - 1), hintElement(hint.content)]);
      focusHint.current = next - 1;
      setShown(next);
      const store = storage();
      if (!signedIn && store) updateLocalState(store, id, { hintsRevealed: next });
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  return { count, shown, texts, error: error === null ? null : explain(error), loading, boxes, showNext };
}

/** The label of the hint button: how many there are, how many are left. */
export function useHintButtonLabel(hints: HintsState): string {
  const t = useTranslations("exercise");
  const left = hints.count - hints.shown;
  return hints.shown === 0 ? t("showHint", { count: hints.count }) : left > 0 ? t("anotherHint", { left }) : t("allHints");
}

export function HintList({ hints }: { hints: HintsState }) {
  const t = useTranslations("exercise");
  return (
    <>
      {hints.error && (
        <p className="mt-3 text-sm text-rose-700 dark:text-rose-300" role="alert">
          {hints.error}
        </p>
      )}
      {hints.shown > 0 && (
        <section aria-label={t("hints")} className="mt-4 space-y-2">
          {Array.from({ length: hints.shown }, (_, i) => hints.texts[i] ?? <p key={`loading-${i}`} className="text-slate-500">…</p>).map((hint, i) => (
            <div
              key={i}
              ref={(el) => {
                hints.boxes.current[i] = el;
              }}
              tabIndex={-1}
              className="rounded-md border border-indigo-200 bg-indigo-50/60 p-3 text-sm dark:border-indigo-900 dark:bg-indigo-950/30"
              data-testid="hint"
            >
              <p className="font-semibold text-indigo-900 dark:text-indigo-200">
                {t("hintOf", { n: i + 1, total: hints.count })}
              </p>
              <div className="prose-lesson mt-1">{hint}</div>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
