/**
 * "@academy/provided" without handing out answers: each piece a later exercise may import is the
 * learner's own passing code of the exercise that teaches it (or its reference solution, once the
 * learner has asked to see it). The page collects those sources (lib/exercises/building-blocks.ts
 * for a signed-in learner, this browser's passing runs otherwise) and the harness compiles them
 * with the same rules as any learner module (./build.ts). Node tools (CLI, tests) use the
 * reference solutions instead (./reference-sources.ts). Browser-safe: no solution is imported here.
 */

/** Each piece, and the exercise whose export it is (the export has the same name). */
export const PROVIDED_PIECES: Readonly<Record<string, { exercise: string; title: string }>> = Object.freeze({
  attention: { exercise: "scaled-dot-product-attention", title: "Scaled dot-product attention" },
  multiHeadAttention: { exercise: "multi-head-attention", title: "Multi-head attention" },
  feedForward: { exercise: "feed-forward", title: "The position-wise feed-forward network" },
  layerNorm: { exercise: "layer-norm", title: "Layer normalisation" },
});

/** Exercise id -> learner source of that exercise (a passing run, or the solution they opened). */
export type ProvidedSources = Readonly<Record<string, string | undefined>>;

export function pieceInfo(name: string): { exercise: string; title: string } {
  const info = PROVIDED_PIECES[name];
  if (!info) throw new Error(`@academy/provided has no export named "${name}" (check the exercise's meta.json)`);
  return info;
}

/** The exercises whose code an exercise providing `names` needs. */
export function providedExercises(names: readonly string[] | undefined): string[] {
  return [...new Set((names ?? []).map((name) => pieceInfo(name).exercise))];
}

/** What a learner reads when a piece they use is not theirs yet. */
export function missingPieceMessage(name: string): string {
  const { title } = pieceInfo(name);
  return `${name} comes from your own code for the exercise “${title}”, which you have not passed yet: pass it first (or open its solution), or write ${name} in this file instead of importing it.`;
}

/** Thrown when learner code uses a piece it does not have yet; the harness shows the message as it is. */
export class MissingPieceError extends Error {
  constructor(readonly piece: string) {
    super(missingPieceMessage(piece));
    this.name = "MissingPieceError";
  }
}
