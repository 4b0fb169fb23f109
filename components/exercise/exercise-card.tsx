"use client";
/**
 * `<Exercise id>` in a lesson: the card with the title, difficulty, whether the learner has
 * completed it, and the brief (rendered on the server). "Open the editor" shows the code at once
 * in a plain text area (open-exercise.tsx) and loads the workspace (and with it Monaco and the
 * grader) on demand, so lesson pages stay light. The card's words come from the server slot as
 * props; what needs next-intl is in exercise-island.tsx, loaded on demand (decision 037).
 */
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { useSession } from "@/components/auth/session-store";
import { useNearViewport } from "@/components/ui/use-near-viewport";
import { afterNextPaint } from "@/components/ui/after-next-paint";
import type { ExerciseProgressView } from "@/lib/exercises/progress";
import type { DraftView } from "@/lib/exercises/drafts";
import { hasLocalPass } from "@/lib/learner-state/exercises";
import { hasPendingPass } from "@/lib/learner-state/outbox";
import { browserStorage, KEYS, LEARNER_STATE_EVENT } from "@/lib/learner-state/storage";
import type { ServerExerciseState } from "./exercise-workspace";
import type { IslandMessages } from "@/components/layout/with-messages";
import { primaryButton } from "./styles";
import { OpenExercise, type OpenExerciseWords } from "./open-exercise";

const island = () => import("./exercise-island");
const BestSoFarIsland = lazy(() => island().then((m) => ({ default: m.BestSoFarIsland })));

/**
 * Starts fetching the workspace and the editor (Monaco) together, once per page. Both are needed
 * to show the editor; fetched one after the other (the workspace imports the editor lazily) they
 * would cost a second round trip and a second script evaluation after the click.
 */
let editorCode: Promise<unknown> | undefined;
function preloadEditorCode(): Promise<unknown> {
  // On failure, forget the attempt: the click shows the error and a later one tries again.
  return (editorCode ??= Promise.all([island(), import("./exercise-workspace"), import("./code-editor")]).catch(() => (editorCode = undefined)));
}

/**
 * Fetches the editor's code and starts Monaco once, off screen, while the learner reads towards the
 * exercise, so that "Open the editor" is quick: a cold start is about 2 s on a 2-core laptop (4 MB of
 * JavaScript to compile and run). Starts once the card has stayed within a screen's height of the
 * viewport for a moment (a reader scrolling past at speed does not pay for it), in idle time.
 */
function useEditorWarmUp(card: RefObject<HTMLElement | null>, skip: boolean) {
  const approaching = useNearViewport(card, "100%", WARM_UP_AFTER_MS);
  useEffect(() => {
    if (skip || !approaching) return;
    const warmUp = () => {
      preloadEditorCode()
        .then(() => import("./monaco-setup"))
        .then(({ warmUpEditor }) => warmUpEditor())
        .catch(() => undefined);
    };
    if (!("requestIdleCallback" in window)) return warmUp();
    const idle = requestIdleCallback(warmUp, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [approaching, skip]);
}

/** How long the card must stay near the viewport before the editor's code is fetched. */
const WARM_UP_AFTER_MS = 500;

export interface ExerciseCardProps {
  id: string;
  title: string;
  timeLimitMs: number;
  usesProvided: boolean;
  starter: string;
  brief: ReactNode;
  /** How many hints the exercise has (each is fetched when asked for). */
  hintCount: number;
  /** The closed card's words, in the page's language. */
  labels: ExerciseCardLabels;
  /** The "exercise" messages, for the parts that load on demand. */
  intl: IslandMessages;
}

export interface ExerciseCardLabels {
  eyebrow: string;
  difficulty: string;
  /** The exercise's own difficulty ("Core"). */
  difficultyValue: string;
  complete: string;
  openEditor: string;
  savedAsYouTypeAccount: string;
  savedAsYouTypeBrowser: string;
  savedLoadFailed: string;
  /** The opened exercise's words (its box and text area show on the click, before any lazy code). */
  open: OpenExerciseWords;
}

interface Completion {
  completed: boolean;
  bestPassed: number;
  testsTotal: number;
}

/** localStorage, or null where the browser refuses it (some privacy modes throw on access). */
type ServerLoad = { status: "idle" | "loading" } | { status: "ready"; state: ServerExerciseState } | { status: "error" };

export function ExerciseCard(props: ExerciseCardProps) {
  const { id, labels } = props;
  const uid = useId();
  const { data: session, status: sessionStatus } = useSession();
  const userId = session?.user?.id ?? null;
  const signedIn = sessionStatus === "authenticated";
  const [open, setOpen] = useState(false);
  const cardRef = useRef<HTMLElement>(null);
  useEditorWarmUp(cardRef, open);
  const [server, setServer] = useState<ServerLoad>({ status: "idle" });
  const [completion, setCompletion] = useState<Completion | null>(null);

  // Signed in: the account's progress and saved code. Anonymous: what this browser recorded.
  useEffect(() => {
    if (sessionStatus === "authenticated") {
      let cancelled = false;
      setServer({ status: "loading" });
      // Runs from an earlier visit that the server never confirmed go first, so the state below
      // includes them. The sender loads here, for signed-in learners only (page budget: decision 037).
      const store = browserStorage();
      const flushed = userId && store ? import("@/lib/learner-state/send-runs").then(({ flushRuns }) => flushRuns(store, userId)).catch(() => 0) : Promise.resolve(0);
      flushed
        .then(() => fetch(`/api/exercises/${encodeURIComponent(id)}`, { cache: "no-store" }))
        .then(async (response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return (await response.json()) as { progress: ExerciseProgressView; draft: DraftView | null };
        })
        .then((state) => {
          if (cancelled) return;
          setServer({ status: "ready", state });
          // A pass still waiting in this browser's outbox counts: it reaches the account on the next send.
          const pending = Boolean(store && userId && hasPendingPass(store, userId, id));
          setCompletion({ completed: state.progress.completed || pending, bestPassed: state.progress.bestPassed, testsTotal: state.progress.testsTotal });
        })
        .catch(() => !cancelled && setServer({ status: "error" }));
      return () => {
        cancelled = true;
      };
    }
    if (sessionStatus === "unauthenticated") {
      const read = () => {
        const store = browserStorage();
        setCompletion(store && hasLocalPass(store, id) ? { completed: true, bestPassed: 0, testsTotal: 0 } : null);
      };
      read();
      const onStorage = (e: StorageEvent) => e.key === KEYS.exerciseRuns && read();
      window.addEventListener(LEARNER_STATE_EVENT, read);
      window.addEventListener("storage", onStorage);
      return () => {
        window.removeEventListener(LEARNER_STATE_EVENT, read);
        window.removeEventListener("storage", onStorage);
      };
    }
  }, [id, sessionStatus, userId]);

  const onProgress = useCallback((update: Completion) => {
    setCompletion((current) => ({
      completed: Boolean(current?.completed) || update.completed,
      bestPassed: Math.max(current?.bestPassed ?? 0, update.bestPassed),
      testsTotal: update.testsTotal,
    }));
  }, []);

  const waitingForAccount = sessionStatus === "loading" || (signedIn && (server.status === "idle" || server.status === "loading"));

  return (
    <section
      ref={cardRef}
      aria-labelledby={`${uid}-title`}
      data-exercise={id}
      // An open card holds the editor, whose widgets draw outside it: the stylesheet skips drawing
      // only closed cards while they are off screen (app/globals.css).
      data-open={open ? "" : undefined}
      className="my-8 rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">{labels.eyebrow}</p>
          <h3 id={`${uid}-title`} className="mt-1! text-xl! font-semibold!">
            {props.title}
          </h3>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-xs font-medium">
          <span className="rounded-full border border-slate-300 px-2 py-0.5 text-slate-700 dark:border-slate-600 dark:text-slate-200">
            <span className="sr-only">{labels.difficulty}</span>
            {labels.difficultyValue}
          </span>
          {completion?.completed ? (
            <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" data-testid="exercise-status">
              <span aria-hidden="true">✓ </span>{labels.complete}
            </span>
          ) : completion && completion.testsTotal > 0 ? (
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 dark:bg-slate-800 dark:text-slate-200" data-testid="exercise-status">
              <Suspense fallback={null}>
                <BestSoFarIsland intl={props.intl} passed={completion.bestPassed} total={completion.testsTotal} />
              </Suspense>
            </span>
          ) : null}
        </div>
      </div>

      <div className="prose-lesson mt-3">{props.brief}</div>

      {!open ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={primaryButton}
            // Pointing at the button or tabbing to it is a head start: the code is fetched before the click.
            onPointerEnter={preloadEditorCode}
            onFocus={preloadEditorCode}
            onClick={() => {
              setOpen(true);
              // Only after the text area's first frame: Monaco's stylesheets come with its code, and
              // when they are cached they apply at once, restyling and laying out the whole lesson
              // (~45 ms on a long one) in the click's frame, before the text area could show.
              afterNextPaint(preloadEditorCode);
            }}
          >
            {labels.openEditor}
          </button>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {signedIn ? labels.savedAsYouTypeAccount : labels.savedAsYouTypeBrowser}
          </p>
        </div>
      ) : (
        <>
          {server.status === "error" && (
            <p className="mt-4 text-sm text-amber-700 dark:text-amber-300" role="status">
              {labels.savedLoadFailed}
            </p>
          )}
          <OpenExercise
            intl={props.intl}
            words={labels.open}
            id={id}
            title={props.title}
            starter={props.starter}
            timeLimitMs={props.timeLimitMs}
            usesProvided={props.usesProvided}
            hintCount={props.hintCount}
            signedIn={signedIn}
            userId={userId}
            serverState={server.status === "ready" ? server.state : null}
            accountPending={waitingForAccount}
            onProgress={onProgress}
          />
        </>
      )}
    </section>
  );
}
