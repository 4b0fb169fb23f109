"use client";
/**
 * The capstone training page: which pieces are the learner's, the hyper-parameters, the live run
 * (progress, loss curve, samples), and the trained model's prompt box and attention heat map.
 * Loaded with next/dynamic (no SSR) from its own route, so none of it reaches lesson pages.
 */
import { readForcedBuiltIns, writeForcedBuiltIns } from "@/lib/learner-state/capstone";
import { browserStorage } from "@/lib/learner-state/storage";
import { memo, useEffect, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useSession } from "@/components/auth/session-store";
import { primaryButton, secondaryButton } from "@/components/exercise/styles";
import type { PieceId } from "@/lib/capstone/pieces";
import { planPieces } from "@/lib/capstone/plan";
import { DEFAULT_SETTINGS, trainingSettingsSchema, type TrainingSettings } from "@/lib/capstone/settings";
import type { PieceSources, TrainingSample } from "@/lib/capstone/worker/protocol";
import { AttentionPanel, GeneratePanel } from "./after-training";
import { accountPassingCode, localPassingCode, mergeFound, type FoundPieces } from "./learner-pieces";
import { LossChart } from "./loss-chart";
import { PiecesPanel } from "./pieces-panel";
import { pieceLabel, problemText } from "./problem-text";
import { RunProgress } from "./run-progress";
import { reportRunOnce } from "./run-report";
import { SettingsForm, settingsProblemText } from "./settings-form";
import { useTrainer } from "./use-trainer";

const readForced = () => readForcedBuiltIns(browserStorage()) as Set<PieceId>;

export default function TrainingPage() {
  const session = useSession();
  const userId = session.status === "authenticated" ? (session.data.user?.id ?? null) : null;
  const trainer = useTrainer();
  const { run } = trainer;
  const [found, setFound] = useState<FoundPieces | null>(null);
  const [forced, setForced] = useState<Set<PieceId>>(new Set());
  const [settings, setSettings] = useState<TrainingSettings>(DEFAULT_SETTINGS);
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const t = useTranslations("capstone");
  const locale = useLocale();

  useEffect(() => {
    if (session.status === "loading") return;
    setForced(readForced());
    const storage = browserStorage();
    const local = storage ? localPassingCode(storage, userId) : {};
    if (!userId) return setFound(local);
    accountPassingCode()
      .then((account) => setFound(mergeFound(account, local)))
      .catch(() => setFound(local));
  }, [session.status, userId]);

  useEffect(() => {
    if (run) setStarting(false);
    if (run?.status === "done" && userId) void reportRunOnce(run);
  }, [run, userId]);

  const chosen = useMemo(() => {
    const sources: PieceSources = {};
    for (const [id, value] of Object.entries(found ?? {})) if (value && !forced.has(id as PieceId)) sources[id as PieceId] = value.code;
    return sources;
  }, [found, forced]);
  const plan = run ? run.plan : planPieces(new Set(Object.keys(chosen) as PieceId[]));

  function toggle(id: PieceId, builtIn: boolean) {
    const next = new Set(forced);
    if (builtIn) next.add(id);
    else next.delete(id);
    setForced(next);
    writeForcedBuiltIns(browserStorage(), next);
  }

  function start() {
    const parsed = trainingSettingsSchema.safeParse(settings);
    if (!parsed.success) return setSettingsProblem(settingsProblemText(t, parsed.error.issues[0], locale));
    setSettingsProblem(null);
    setStarting(true);
    trainer.send({ type: "start", settings: parsed.data, pieces: chosen });
  }

  function switchBlamedAndReset(id: PieceId) {
    toggle(id, true);
    trainer.send({ type: "reset" });
  }

  const ready = run !== undefined && found !== null;
  const problem = run?.problem;
  return (
    <div className="space-y-8" data-testid="training-page" data-ready={ready ? "true" : "false"}>
      <PiecesPanel plan={plan} found={found ?? {}} forced={forced} locked={Boolean(run)} blamed={problem?.piece} onToggle={toggle} />

      <section aria-labelledby="train-title" className="space-y-4">
        <h2 id="train-title" className="text-lg font-semibold">{t("trainTitle")}</h2>
        <SettingsForm value={run?.settings ?? settings} disabled={Boolean(run) || starting} onChange={setSettings} />
        {settingsProblem ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{settingsProblem}</p> : null}
        <div className="flex flex-wrap gap-2">
          {!run ? (
            <button type="button" className={primaryButton} onClick={start} disabled={!ready || starting} data-testid="train-start">
              {starting ? t("starting") : t("start")}
            </button>
          ) : null}
          {run?.status === "training" ? <button type="button" className={secondaryButton} onClick={() => trainer.send({ type: "pause" })} data-testid="train-pause">{t("pause")}</button> : null}
          {run?.status === "paused" ? <button type="button" className={primaryButton} onClick={() => trainer.send({ type: "resume" })} data-testid="train-resume">{t("resume")}</button> : null}
          {run ? <button type="button" className={secondaryButton} onClick={() => trainer.send({ type: "reset" })} data-testid="train-reset">{t("reset")}</button> : null}
        </div>
        {trainer.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{problemText(t, trainer.error)}</p> : null}
        {problem ? (
          <div role="alert" data-testid="run-problem" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            <p>{problemText(t, problem)}</p>
            {problem.piece ? (
              <button type="button" className={`${secondaryButton} mt-2`} onClick={() => switchBlamedAndReset(problem.piece!)} data-testid="run-problem-switch">
                {t("useBuiltInAndRestart", { piece: pieceLabel(t, problem.piece) })}
              </button>
            ) : null}
          </div>
        ) : null}
        {run ? (
          <>
            <RunProgress run={run} />
            <LossChart curve={run.curve} baseline={run.bigramBaseline} />
            <SampleList samples={run.samples} />
          </>
        ) : null}
      </section>

      {run && run.step > 0 ? (
        <>
          <GeneratePanel trainer={trainer} />
          <AttentionPanel trainer={trainer} layers={run.settings.layers} heads={run.settings.heads} />
        </>
      ) : null}
    </div>
  );
}

/** The samples, newest first; redrawn only when one is added. */
const SampleList = memo(
  function SampleList({ samples }: { samples: readonly TrainingSample[] }) {
    const t = useTranslations("capstone");
    return (
      <section aria-labelledby="samples-title">
        <h3 id="samples-title" className="text-sm font-semibold">{t("samplesTitle")}</h3>
        <ol className="mt-2 space-y-2" data-testid="samples">
          {[...samples].reverse().map((s) => (
            <li key={s.step} className="text-sm">
              <span className="text-xs text-slate-500 dark:text-slate-400">{t("sampleStep", { step: s.step })}</span>
              <pre className="whitespace-pre-wrap rounded bg-slate-100 p-2 dark:bg-slate-900">{s.text}</pre>
            </li>
          ))}
        </ol>
      </section>
    );
  },
  (a, b) => a.samples.length === b.samples.length && a.samples.at(-1)?.step === b.samples.at(-1)?.step,
);
