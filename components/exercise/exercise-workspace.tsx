"use client";
/**
 * An opened exercise: the editor, its buttons, saving, running and recording.
 *
 * - Saving: every change is saved ~800 ms after the learner stops typing: to the account when
 *   signed in (PUT /api/exercises/<id>/draft), else to this browser. If the server cannot be
 *   reached the code is kept in the browser, so nothing is lost either way.
 * - Running: the grader worker (lib/grading/worker) runs the tests off the page's thread with a
 *   time limit; the run is recorded for a signed-in learner (POST .../attempts) or kept in the
 *   browser (academy:exercise-runs) for the sign-in merge.
 * - Hints one at a time, each fetched from the server when asked for (the page carries none), and
 *   the reference solution after a confirmation, for signed-in learners (both recorded).
 *
 * Loaded by the exercise card when the learner opens the exercise (or while they approach it).
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { DraftView, SaveDraftResult } from "@/lib/exercises/drafts";
import type { ExerciseProgressView } from "@/lib/exercises/progress";
import { EXERCISE_LIMITS, utf8Bytes } from "@/lib/exercises/limits";
import { GraderClient } from "@/lib/grading/worker/grader-client";
import { createGraderWorker } from "@/lib/grading/worker/create-worker";
import type { EditorHandle } from "./code-editor";
import { appendRun, chooseInitialCode, clearLocalDraftUpTo, readLocalDraft, readLocalState, updateLocalState, writeLocalDraft } from "@/lib/learner-state/exercises";
import { flushRuns, sendRun } from "@/lib/learner-state/send-runs";
import { browserStorage as storage, LEARNER_STATE_EVENT } from "@/lib/learner-state/storage";
import { attemptFromOutcome, summarize } from "./run-record";
import { collectProvidedSources } from "./provided-sources";
import { fetchHint, hintElement } from "./hint-content";
import { TestResults, type RunView } from "./test-results";
import { ServerCheck } from "./server-check";
import { primaryButton, secondaryButton } from "./styles";

function EditorLoading() {
  const t = useTranslations("exercise");
  return <p className="flex h-[26rem] items-center justify-center rounded-md border border-slate-300 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">{t("loadingEditor")}</p>;
}

const CodeEditor = dynamic(() => import("./code-editor"), { ssr: false, loading: () => <EditorLoading /> });

export const AUTOSAVE_DELAY_MS = 800;

export interface ServerExerciseState {
  draft: DraftView | null;
  progress: ExerciseProgressView;
}

export interface ExerciseWorkspaceProps {
  id: string;
  title: string;
  starter: string;
  timeLimitMs: number;
  usesProvided: boolean;
  /** How many hints there are; each is fetched from the server when the learner asks for it. */
  hintCount: number;
  signedIn: boolean;
  /** The signed-in learner's id (runs waiting to be sent are kept per learner). */
  userId: string | null;
  /** The account's saved code and progress (signed in), or null. */
  serverState: ServerExerciseState | null;
  /** Called after each recorded run with whether the exercise is now complete. */
  onProgress(update: { completed: boolean; bestPassed: number; testsTotal: number }): void;
}

type SaveStatus =
  | { kind: "none" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "local" }
  | { kind: "offline" }
  | { kind: "conflict" }
  | { kind: "no-storage" }
  | { kind: "too-large" };

function saveStatusText(status: SaveStatus, signedIn: boolean, t: ReturnType<typeof useTranslations<"exercise">>): string {
  switch (status.kind) {
    case "none":
      return "";
    case "pending":
    case "saving":
      return t("saving");
    case "saved":
      return t("saved");
    case "local":
      return signedIn ? t("savedLocal") : t("savedLocalAnonymous");
    case "offline":
      return t("savedOffline");
    case "conflict":
      return t("savedConflict");
    case "no-storage":
      return t("noStorage");
    case "too-large":
      return t("tooLarge", { kb: EXERCISE_LIMITS.codeBytes / 1024 });
  }
}

async function putDraft(id: string, code: string, updatedAt: number, keepalive = false): Promise<SaveDraftResult> {
  const response = await fetch(`/api/exercises/${encodeURIComponent(id)}/draft`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code, updatedAt }),
    keepalive,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as SaveDraftResult;
}

export default function ExerciseWorkspace(props: ExerciseWorkspaceProps) {
  const { id, starter, signedIn, serverState, onProgress } = props;
  const uid = useId();
  const t = useTranslations("exercise");
  // Handed to the grader worker with each run, for its test names and messages in this language.
  const locale = useLocale();

  // The code to start from: the newest of this browser's copy and the account's copy.
  const [initial] = useState(() => {
    const store = storage();
    return chooseInitialCode(starter, store ? readLocalDraft(store, id) : null, serverState?.draft ?? null);
  });
  const codeRef = useRef(initial.code);
  const typedAtRef = useRef(initial.updatedAt ?? 0);
  const editorRef = useRef<EditorHandle | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(() => {
    if (initial.from === "server") return { kind: "saved" };
    if (initial.from === "local") return signedIn ? { kind: "pending" } : { kind: "local" };
    return { kind: "none" };
  });

  const [run, setRun] = useState<RunView>({ kind: "idle" });
  /** Why the last run could not be saved to the account (the server refused it for good). */
  const [recordError, setRecordError] = useState<string | null>(null);
  /** The clientRunId of the last run the server recorded, whose server check is shown. */
  const [checkedRun, setCheckedRun] = useState<string | null>(null);
  const running = run.kind === "running";
  const graderRef = useRef<GraderClient | null>(null);
  const [beforeReset, setBeforeReset] = useState<string | null>(null);
  const beforeResetRef = useRef<string | null>(null);
  beforeResetRef.current = beforeReset;

  // Hints already revealed: the account's count when signed in, this browser's otherwise.
  const [hintsShown, setHintsShown] = useState(() => {
    const store = storage();
    const revealed = signedIn ? (serverState?.progress.hintsUsed ?? 0) : store ? readLocalState(store, id).hintsRevealed : 0;
    return Math.min(props.hintCount, revealed);
  });
  // The texts of the hints shown so far, fetched one by one (after a reload, again in order).
  const [hintTexts, setHintTexts] = useState<ReactNode[]>([]);
  const [hintError, setHintError] = useState<string | null>(null);
  const [hintLoading, setHintLoading] = useState(false);
  const hintRefs = useRef<(HTMLDivElement | null)[]>([]);
  const focusHint = useRef<number | null>(null);

  const [solutionStep, setSolutionStep] = useState<"hidden" | "confirm" | "loading" | "shown" | "error">("hidden");
  const [solution, setSolution] = useState<string>("");
  const [solutionError, setSolutionError] = useState<string>("The solution could not be loaded. Check your connection and try again.");
  const confirmCancelRef = useRef<HTMLButtonElement>(null);
  const solutionHeadingRef = useRef<HTMLHeadingElement>(null);

  // --- saving -------------------------------------------------------------------------------

  const save = useCallback(
    async (code: string, updatedAt: number) => {
      const store = storage();
      if (utf8Bytes(code) > EXERCISE_LIMITS.codeBytes) {
        setSaveStatus({ kind: "too-large" });
        return;
      }
      if (!signedIn) {
        setSaveStatus(store && writeLocalDraft(store, id, { code, updatedAt }) ? { kind: "local" } : { kind: "no-storage" });
        return;
      }
      setSaveStatus({ kind: "saving" });
      try {
        const result = await putDraft(id, code, updatedAt);
        if (updatedAt !== typedAtRef.current) return; // newer typing is already on its way
        if (result.saved) {
          if (store) clearLocalDraftUpTo(store, id, updatedAt);
          setSaveStatus({ kind: "saved" });
        } else {
          if (store) writeLocalDraft(store, id, { code, updatedAt });
          setSaveStatus({ kind: "conflict" });
        }
      } catch {
        if (store) writeLocalDraft(store, id, { code, updatedAt });
        if (updatedAt === typedAtRef.current) setSaveStatus({ kind: "offline" });
      }
    },
    [id, signedIn],
  );

  const flushSave = useCallback(() => {
    if (saveTimer.current === undefined) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    void save(codeRef.current, typedAtRef.current);
  }, [save]);

  // Anonymous work brought into a signed-in session goes to the account straight away.
  useEffect(() => {
    if (initial.from === "local" && signedIn) void save(initial.code, initial.updatedAt ?? Date.now());
  }, [initial, signedIn, save]);

  // Leaving the page with a save still waiting: keep it in the browser now, and try the server.
  useEffect(() => {
    const onHide = () => {
      if (saveTimer.current === undefined) return;
      clearTimeout(saveTimer.current);
      saveTimer.current = undefined;
      const store = storage();
      if (store) writeLocalDraft(store, id, { code: codeRef.current, updatedAt: typedAtRef.current });
      if (signedIn) void putDraft(id, codeRef.current, typedAtRef.current, true).catch(() => undefined);
    };
    window.addEventListener("pagehide", onHide);
    const onVisibility = () => document.visibilityState === "hidden" && onHide();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      onHide();
    };
  }, [id, signedIn]);

  const handleChange = useCallback(
    (value: string) => {
      if (value === codeRef.current) return;
      codeRef.current = value;
      // Undone with Ctrl+Z: the "Undo reset" button has nothing left to do.
      if (beforeResetRef.current !== null && value === beforeResetRef.current) setBeforeReset(null);
      typedAtRef.current = Date.now();
      setSaveStatus({ kind: "pending" });
      if (saveTimer.current !== undefined) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        saveTimer.current = undefined;
        void save(codeRef.current, typedAtRef.current);
      }, AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  // --- running ------------------------------------------------------------------------------

  const gradingLocale = locale === "zh" ? "zh" : "en";
  const grader = useCallback(() => (graderRef.current ??= new GraderClient({ createWorker: createGraderWorker, timeLimitMs: props.timeLimitMs })), [props.timeLimitMs]);
  // The editor is opening: start the grader (tfjs, the spec, its warm-up) now rather than on the first click.
  useEffect(() => {
    grader().prepare(id, gradingLocale);
  }, [grader, id, gradingLocale]);
  useEffect(() => () => graderRef.current?.dispose(), []);

  const record = useCallback(
    async (attempt: NonNullable<ReturnType<typeof attemptFromOutcome>>) => {
      const store = storage();
      const run = { ...attempt, createdAt: Date.now() };
      if (!signedIn || !props.userId) {
        if (store) appendRun(store, { ...run, exerciseId: id });
        window.dispatchEvent(new CustomEvent(LEARNER_STATE_EVENT, { detail: { id } }));
        return;
      }
      // Kept in the browser until the server confirms it (lib/learner-state/outbox.ts).
      const userId = props.userId;
      const result = await sendRun(store, userId, id, run);
      if (result.kind === "recorded") {
        const { progress } = result;
        onProgress({ completed: progress.completed, bestPassed: progress.bestPassed, testsTotal: progress.testsTotal });
        setCheckedRun(attempt.clientRunId);
      } else if (result.kind === "kept" && store) {
        // Try again a little later (and on the next page that shows an exercise).
        for (const delay of [15_000, 60_000]) setTimeout(() => void flushRuns(store, userId).catch(() => 0), delay);
      } else if (result.kind === "rejected") {
        setRecordError(t("runNotSaved", { message: result.message }));
      }
    },
    [id, signedIn, props.userId, onProgress, t],
  );

  const handleRun = useCallback(async () => {
    if (graderRef.current?.busy) return;
    const code = editorRef.current?.getValue() ?? codeRef.current;
    flushSave();
    setRun({ kind: "running", phase: "loading" });
    setRecordError(null);
    const providedSources = props.usesProvided ? await collectProvidedSources({ exerciseId: id, signedIn, storage: storage() }) : undefined;
    const outcome = await grader().run(id, code, () => setRun({ kind: "running", phase: "running" }), { providedSources, locale: gradingLocale });
    if (outcome.kind === "crashed") {
      setRun({ kind: "crashed", message: outcome.message });
      return;
    }
    const summary = summarize(outcome);
    setRun(outcome.kind === "report" ? { kind: "report", summary, report: outcome.report } : { kind: "timeout", summary, message: outcome.message });
    // A signed-in learner's pass counts once the server has checked it (ServerCheck below).
    if (summary.passed && !signedIn) onProgress({ completed: true, bestPassed: summary.testsPassed, testsTotal: summary.testsTotal });
    setCheckedRun(null);
    if (utf8Bytes(code) <= EXERCISE_LIMITS.codeBytes) {
      const attempt = attemptFromOutcome(outcome, code, crypto.randomUUID());
      if (attempt) await record(attempt);
    }
  }, [flushSave, id, grader, props.usesProvided, signedIn, onProgress, record, gradingLocale]);

  // --- reset, hints, solution -----------------------------------------------------------------

  const handleReset = () => {
    const current = editorRef.current?.getValue() ?? codeRef.current;
    if (current === starter) return;
    setBeforeReset(current);
    editorRef.current?.replaceAll(starter);
  };

  const handleUndoReset = () => {
    if (beforeReset === null) return;
    editorRef.current?.replaceAll(beforeReset);
    setBeforeReset(null);
    editorRef.current?.focus();
  };

  useEffect(() => {
    if (focusHint.current === null) return;
    hintRefs.current[focusHint.current]?.focus();
    focusHint.current = null;
  }, [hintsShown]);

  // Hints revealed before (an earlier visit): fetch their texts again, in order.
  const initialHints = useRef(hintsShown);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const texts: ReactNode[] = [];
      try {
        for (let n = 1; n <= initialHints.current; n++) {
          texts.push(hintElement((await fetchHint(id, n, locale)).content));
          if (!cancelled) setHintTexts([...texts]);
        }
      } catch (error) {
        if (!cancelled) setHintError((error as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id, locale]);

  const handleHint = async () => {
    const next = hintsShown + 1;
    if (next > props.hintCount || hintLoading) return;
    setHintLoading(true);
    setHintError(null);
    try {
      // Signed in, the server records the view; signed out, this browser notes it.
      const hint = await fetchHint(id, next, locale);
      setHintTexts((texts) => [...texts.slice(0, next - 1), hintElement(hint.content)]);
      focusHint.current = next - 1;
      setHintsShown(next);
      const store = storage();
      if (!signedIn && store) updateLocalState(store, id, { hintsRevealed: next });
    } catch (error) {
      setHintError((error as Error).message);
    } finally {
      setHintLoading(false);
    }
  };

  useEffect(() => {
    if (solutionStep === "confirm") confirmCancelRef.current?.focus();
    if (solutionStep === "shown") solutionHeadingRef.current?.focus();
  }, [solutionStep]);

  const handleShowSolution = async () => {
    setSolutionStep("loading");
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(id)}/solution`, { method: "POST" });
      const body = (await response.json().catch(() => ({}))) as { solution?: string; error?: string };
      if (!response.ok || typeof body.solution !== "string") {
        // Signed out: the server says why (the solution needs an account, the view is recorded).
        setSolutionError(body.error ?? "The solution could not be loaded. Check your connection and try again.");
        setSolutionStep("error");
        return;
      }
      setSolution(body.solution);
      setSolutionStep("shown");
    } catch {
      setSolutionError("The solution could not be loaded. Check your connection and try again.");
      setSolutionStep("error");
    }
  };

  const handleGoTo = useCallback((line: number, column?: number) => editorRef.current?.goTo(line, column), []);

  const statusText = saveStatusText(saveStatus, signedIn, t);
  const hintsLeft = props.hintCount - hintsShown;

  return (
    <div className="mt-4" data-testid="exercise-workspace">
      <p id={`${uid}-keys`} className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {t("keys")}
      </p>
      <CodeEditor
        exerciseId={id}
        initialValue={initial.code}
        usesProvided={props.usesProvided}
        label={t("editorLabel", { title: props.title })}
        onChange={handleChange}
        onRun={() => void handleRun()}
        onReady={(handle) => {
          editorRef.current = handle;
          // The learner just asked for the editor: put the cursor in it.
          handle.focus();
        }}
      />

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={primaryButton} onClick={() => void handleRun()} disabled={running} aria-describedby={`${uid}-keys`}>
          {running ? t("running") : t("run")}
        </button>
        <button type="button" className={secondaryButton} onClick={handleReset} disabled={running}>
          {t("reset")}
        </button>
        {beforeReset !== null && (
          <button type="button" className={secondaryButton} onClick={handleUndoReset}>
            {t("undoReset")}
          </button>
        )}
        <button type="button" className={secondaryButton} onClick={() => void handleHint()} disabled={hintsLeft === 0 || hintLoading}>
          {hintsShown === 0 ? t("showHint", { count: props.hintCount }) : hintsLeft > 0 ? t("anotherHint", { left: hintsLeft }) : t("allHints")}
        </button>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => setSolutionStep("confirm")}
          disabled={solutionStep === "confirm" || solutionStep === "loading" || solutionStep === "shown"}
        >
          {t("showSolution")}
        </button>
        <p className="ml-auto text-xs text-slate-500 dark:text-slate-400" data-testid="save-status">
          {statusText}
        </p>
      </div>

      {solutionStep === "confirm" && (
        <div
          role="alertdialog"
          aria-labelledby={`${uid}-confirm-title`}
          aria-describedby={`${uid}-confirm-text`}
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/40"
          onKeyDown={(e) => e.key === "Escape" && setSolutionStep("hidden")}
        >
          <p id={`${uid}-confirm-title`} className="font-semibold">
            {t("confirmTitle")}
          </p>
          <p id={`${uid}-confirm-text`} className="mt-1 text-sm">
            {t("confirmText")}
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" className={primaryButton} onClick={() => void handleShowSolution()}>
              {t("confirmShow")}
            </button>
            <button type="button" ref={confirmCancelRef} className={secondaryButton} onClick={() => setSolutionStep("hidden")}>
              {t("keepTrying")}
            </button>
          </div>
        </div>
      )}
      {solutionStep === "loading" && <p className="mt-3 text-sm text-slate-500">{t("loadingSolution")}</p>}
      {solutionStep === "error" && (
        <p className="mt-3 text-sm text-rose-700 dark:text-rose-300" role="alert" data-testid="solution-error">
          {solutionError}
        </p>
      )}

      {hintError && (
        <p className="mt-3 text-sm text-rose-700 dark:text-rose-300" role="alert">
          {hintError}
        </p>
      )}
      {hintsShown > 0 && (
        <section aria-label={t("hints")} className="mt-4 space-y-2">
          {Array.from({ length: hintsShown }, (_, i) => hintTexts[i] ?? <p key={`loading-${i}`} className="text-slate-500">…</p>).map((hint, i) => (
            <div
              key={i}
              ref={(el) => {
                hintRefs.current[i] = el;
              }}
              tabIndex={-1}
              className="rounded-md border border-indigo-200 bg-indigo-50/60 p-3 text-sm dark:border-indigo-900 dark:bg-indigo-950/30"
              data-testid="hint"
            >
              <p className="font-semibold text-indigo-900 dark:text-indigo-200">
                {t("hintOf", { n: i + 1, total: props.hintCount })}
              </p>
              <div className="prose-lesson mt-1">{hint}</div>
            </div>
          ))}
        </section>
      )}

      <TestResults view={run} onGoTo={handleGoTo} />
      {recordError && (
        <p role="alert" data-testid="record-error" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          {recordError}
        </p>
      )}
      {checkedRun && (
        <ServerCheck
          key={checkedRun}
          exerciseId={id}
          clientRunId={checkedRun}
          onVerified={({ progress }) => onProgress({ completed: progress.completed, bestPassed: progress.bestPassed, testsTotal: progress.testsTotal })}
        />
      )}

      {solutionStep === "shown" && (
        <section aria-labelledby={`${uid}-solution`} className="mt-4" data-testid="solution">
          <h4 id={`${uid}-solution`} ref={solutionHeadingRef} tabIndex={-1} className="font-semibold">
            {t("solutionTitle")}
          </h4>
          <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-900 p-3! font-mono text-xs! leading-relaxed! text-slate-100">{solution}</pre>
        </section>
      )}
    </div>
  );
}
