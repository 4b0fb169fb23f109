/**
 * The training worker's logic, apart from the worker itself so Node tests drive it: start a run
 * from settings and learner code, step it in a loop that yields between steps (so pause arrives),
 * keep the curve, samples and saves, stop with a message naming a piece that misbehaves, and
 * restore a saved run on start-up.
 */
import * as tf from "@tensorflow/tfjs";
import { assembleModel, type LearnerPieces } from "../assemble";
import { attentionMaps } from "../attention-maps";
import { compilePieces } from "../compile-pieces";
import { bigramBaseline, buildVocabulary, seededRandom, splitCorpus, type CorpusSplit, type Vocabulary } from "../data";
import { diagnoseNonFinite, SlowPieceWatch } from "./piece-checks";
import { exportWeights, importWeights, parameterCount, type ModelConfig } from "../params";
import { PieceError } from "../pieces";
import { piecesInUse } from "../plan";
import { EVAL_EVERY, SAMPLE_EVERY, SAVE_EVERY, type TrainingSettings } from "../settings";
import { Trainer } from "../trainer";
import type { BackendChoice } from "./backend";
import type { AttentionMaps, PageToWorker, PieceSources, RunProblem, RunView, WorkerToPage } from "./protocol";
import type { RunStore, SavedRun } from "./saved-run";

export interface SessionDeps {
  text: string;
  store: RunStore;
  post(message: WorkerToPage): void;
  backends: BackendChoice;
  /** Lets queued messages (pause, generate) run between steps. */
  yieldToEvents(): Promise<void>;
}

const newRunId = () => `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 2 ** 32).toString(36)}`;
const SAMPLE_PROMPT = "The ";
const SAMPLE_LENGTH = 160;
/** At most this often the page gets a fresh view while training. */
const VIEW_EVERY_MS = 500;

interface Active {
  trainer: Trainer;
  view: RunView;
  pieces: PieceSources;
  learner: LearnerPieces;
  windowLosses: number[];
  stepTimes: number[];
  slow: SlowPieceWatch;
}

export class TrainingSession {
  private readonly vocab: Vocabulary;
  private readonly split: CorpusSplit;
  private readonly baseline: number;
  private active: Active | null = null;
  private looping = false;
  private lastViewAt = 0;

  constructor(private readonly deps: SessionDeps) {
    this.vocab = buildVocabulary(deps.text);
    this.split = splitCorpus(this.vocab.encode(deps.text));
    this.baseline = bigramBaseline(this.split, this.vocab.chars.length);
  }

  private config(s: TrainingSettings): ModelConfig {
    return { vocabSize: this.vocab.chars.length, layers: s.layers, dModel: s.dModel, heads: s.heads, context: s.context };
  }

  private postView(force = false): void {
    const now = performance.now();
    if (!force && now - this.lastViewAt < VIEW_EVERY_MS) return;
    this.lastViewAt = now;
    this.deps.post({ type: "run", run: this.active ? { ...this.active.view, curve: [...this.active.view.curve], samples: [...this.active.view.samples] } : null });
  }

  private build(runId: string, settings: TrainingSettings, sources: PieceSources, backend: string): Active | RunProblem {
    const compiled = compilePieces(tf, sources);
    if ("problem" in compiled) return compiled.problem;
    const timings = {};
    const model = assembleModel(compiled.pieces, { timings });
    const trainer = new Trainer(model, settings, this.config(settings), this.split);
    const view: RunView = {
      runId,
      settings, plan: model.plan, status: "paused", backend, backendTimings: { ...this.deps.backends.measured }, parameters: parameterCount(trainer.weights), step: 0, elapsedMs: 0,
      lastLoss: null, stepsPerSecond: null, tokensPerSecond: null, curve: [], samples: [], bigramBaseline: this.baseline, problem: null,
    };
    return { trainer, view, pieces: sources, learner: compiled.pieces, windowLosses: [], stepTimes: [], slow: new SlowPieceWatch(timings, piecesInUse(model.plan)) };
  }

  /** On worker start: bring back the saved run, paused. */
  async restore(): Promise<void> {
    const saved = await this.deps.store.load().catch(() => null);
    if (!saved) return this.postView(true);
    const backend = await this.deps.backends.use(saved.backend);
    const built = this.build(saved.runId, saved.settings, saved.pieces, backend);
    if (!("trainer" in built) || !importWeights(built.trainer.weights, saved.weights)) {
      await this.deps.store.clear();
      return this.postView(true);
    }
    await built.trainer.optimizer.setWeights(saved.optimizer.map((t) => ({ name: t.name, tensor: tf.tensor(t.values, t.shape) })));
    built.trainer.fastForward(saved.step);
    Object.assign(built.view, { step: saved.step, elapsedMs: saved.elapsedMs, curve: saved.curve, samples: saved.samples, status: saved.finished ? "done" : "paused" });
    built.view.lastLoss = saved.curve.at(-1)?.train ?? null;
    this.active = built;
    this.postView(true);
  }

  async handle(message: PageToWorker): Promise<void> {
    switch (message.type) {
      case "start":
        return this.start(message.settings, message.pieces);
      case "pause":
        if (this.active?.view.status === "training") {
          this.active.view.status = "paused";
          await this.save();
          this.postView(true);
        }
        return;
      case "resume":
        if (this.active && this.active.view.status === "paused") {
          this.active.view.status = "training";
          this.postView(true);
          void this.loop();
        }
        return;
      case "reset":
        this.dispose();
        await this.deps.store.clear();
        return this.postView(true);
      case "generate":
        return this.reply(message.requestId, () => {
          const trainer = this.requireTrainer();
          const prompt = this.vocab.encode(message.prompt);
          const ids = trainer.generate(prompt, Math.min(Math.max(1, message.length), 500), message.sampling, seededRandom(Date.now() >>> 0));
          return { type: "generated", requestId: message.requestId, text: this.vocab.decode(ids) };
        });
      case "attention":
        return this.reply(message.requestId, () => {
          const trainer = this.requireTrainer();
          const ids = this.vocab.encode(message.text).slice(0, trainer.settings.context);
          if (ids.length === 0) throw new Error("Type a sentence with some letters in it.");
          const maps: AttentionMaps = { tokens: ids.map((i) => this.vocab.chars[i]), weights: attentionMaps(trainer.weights, ids) };
          return { type: "attention", requestId: message.requestId, maps };
        });
    }
  }

  private requireTrainer(): Trainer {
    if (!this.active) throw new Error("Train a model first.");
    return this.active.trainer;
  }

  private async reply(requestId: number, work: () => WorkerToPage): Promise<void> {
    try {
      this.deps.post(work());
    } catch (error) {
      const message = error instanceof PieceError ? error.message : error instanceof Error ? error.message : String(error);
      this.deps.post({ type: "failed", requestId, message, problem: error instanceof PieceError ? pieceProblem(error) : undefined });
    }
  }

  private async start(settings: TrainingSettings, pieces: PieceSources): Promise<void> {
    this.dispose();
    await this.deps.store.clear();
    const backend = await this.deps.backends.pick(() => this.measure(settings));
    const built = this.build(newRunId(), settings, pieces, backend);
    if (!("trainer" in built)) {
      this.deps.post({ type: "failed", message: built.message, problem: built });
      return this.postView(true);
    }
    this.active = built;
    built.view.status = "training";
    this.postView(true);
    void this.loop();
  }

  /**
   * What a training step costs on the current backend, in ms: a step of the all-built-in model
   * (after a warm-up step) plus its share of the samples written every SAMPLE_EVERY steps. The
   * samples count because generating reads a value back per token, which is slow on WebGL.
   */
  private async measure(settings: TrainingSettings): Promise<number> {
    const trainer = new Trainer(assembleModel({}), { ...settings, seed: settings.seed + 1 }, this.config(settings), this.split);
    const greedy = { temperature: 0, topK: 0, topP: 1 };
    try {
      trainer.trainStep();
      const prompt = trainer.validationBatch()[0].slice(0, settings.context - 4);
      trainer.generate(prompt, 1, greedy, Math.random);
      const stepsFrom = performance.now();
      trainer.trainStep();
      trainer.trainStep();
      const stepMs = (performance.now() - stepsFrom) / 2;
      const tokensFrom = performance.now();
      trainer.generate(prompt, 4, greedy, Math.random);
      const tokenMs = (performance.now() - tokensFrom) / 4;
      return stepMs + (tokenMs * SAMPLE_LENGTH) / SAMPLE_EVERY;
    } finally {
      trainer.dispose();
    }
  }

  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      while (this.active && this.active.view.status === "training") {
        const run = this.active;
        if (run.trainer.step >= run.view.settings.steps) {
          run.view.status = "done";
          await this.save();
          this.postView(true);
          break;
        }
        this.stepOnce(run);
        if (run.view.status !== "training") {
          this.postView(true);
          break;
        }
        const step = run.trainer.step;
        if (step % EVAL_EVERY === 0 || step === run.view.settings.steps) this.addCurvePoint(run);
        if (step % SAMPLE_EVERY === 0 || step === run.view.settings.steps) this.addSample(run);
        if (step % SAVE_EVERY === 0) await this.save();
        this.postView();
        await this.deps.yieldToEvents();
      }
    } finally {
      this.looping = false;
    }
  }

  private stepOnce(run: Active): void {
    const started = performance.now();
    let loss: number;
    try {
      loss = run.trainer.trainStep();
    } catch (error) {
      return this.stop(run, error instanceof PieceError ? pieceProblem(error) : stoppedProblem(error instanceof Error ? error.message : String(error)));
    }
    const ms = performance.now() - started;
    run.view.elapsedMs += ms;
    if (!Number.isFinite(loss)) return this.stop(run, diagnoseNonFinite(run.learner, run.trainer));
    const slow = run.slow.check(ms);
    if (slow) return this.stop(run, slow);
    run.view.step = run.trainer.step;
    run.view.lastLoss = loss;
    run.windowLosses.push(loss);
    run.stepTimes = [...run.stepTimes.slice(-19), ms];
    const meanMs = run.stepTimes.reduce((a, b) => a + b, 0) / run.stepTimes.length;
    run.view.stepsPerSecond = 1000 / meanMs;
    run.view.tokensPerSecond = run.view.stepsPerSecond * run.view.settings.batch * run.view.settings.context;
  }

  private stop(run: Active, problem: RunProblem): void {
    run.view.status = "stopped";
    run.view.problem = problem;
  }

  private addCurvePoint(run: Active): void {
    const train = run.windowLosses.reduce((a, b) => a + b, 0) / Math.max(1, run.windowLosses.length);
    run.windowLosses = [];
    let validation: number;
    try {
      validation = run.trainer.validationLoss();
    } catch (error) {
      return this.stop(run, error instanceof PieceError ? pieceProblem(error) : { message: String(error) });
    }
    run.view.curve.push({ step: run.trainer.step, train, validation });
  }

  private addSample(run: Active): void {
    try {
      const ids = run.trainer.generate(this.vocab.encode(SAMPLE_PROMPT), SAMPLE_LENGTH, { temperature: 0.8, topK: 0, topP: 1 }, seededRandom(run.trainer.step));
      run.view.samples = [...run.view.samples.slice(-9), { step: run.trainer.step, text: this.vocab.decode(ids) }];
    } catch (error) {
      this.stop(run, error instanceof PieceError ? pieceProblem(error) : { message: String(error) });
    }
  }

  private async save(): Promise<void> {
    const run = this.active;
    if (!run) return;
    const optimizer = await run.trainer.optimizer.getWeights();
    const record: SavedRun = {
      version: 1, runId: run.view.runId, settings: run.view.settings, pieces: run.pieces, backend: run.view.backend, step: run.trainer.step, elapsedMs: run.view.elapsedMs,
      curve: run.view.curve, samples: run.view.samples, weights: await exportWeights(run.trainer.weights), finished: run.view.status === "done",
      optimizer: await Promise.all(optimizer.map(async (t) => ({ name: t.name, shape: t.tensor.shape, values: new Float32Array(await t.tensor.data()) }))),
    };
    await this.deps.store.save(record).catch(() => undefined);
  }

  private dispose(): void {
    if (!this.active) return;
    this.active.view.status = "stopped";
    this.active.trainer.dispose();
    this.active = null;
  }
}

/** A piece's own error, with what is wrong as data when the piece check said. */
function pieceProblem(error: PieceError): RunProblem {
  return { piece: error.piece, message: error.message, says: error.fault ? { code: "piece", fault: error.fault } : undefined };
}

function stoppedProblem(error: string): RunProblem {
  return { message: `Training stopped: ${error}`, says: { code: "stopped", error } };
}
