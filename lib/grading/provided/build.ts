/**
 * Builds the "@academy/provided" module of one run from the learner's own sources of the
 * exercises it draws on (see ./pieces.ts).
 */
import { compileLearnerModule } from "../compile";
import type { Tf } from "../types";
import { MissingPieceError, pieceInfo, type ProvidedSources } from "./pieces";

/**
 * Every listed name is a getter that returns the learner's function, or throws
 * MissingPieceError when they have no passing code for it yet.
 * Each source is compiled on its own, so one exercise's code never sees another's.
 */
export function buildProvided(opts: { tf: Tf; names: readonly string[]; sources: ProvidedSources }): {
  module: Record<string, unknown>;
  /** Listed pieces the learner has no code for yet. */
  missing: string[];
} {
  const provided: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const name of opts.names) {
    const { exercise, title } = pieceInfo(name);
    const source = opts.sources[exercise];
    let value: (() => unknown) | undefined;
    if (typeof source !== "string") missing.push(name);
    else {
      const compiled = compileLearnerModule({ source, tf: opts.tf, exports: [name] });
      if (!compiled.ok) {
        const problem = compiled.error.message;
        value = () => {
          throw new Error(`Your code for “${title}” did not load here: ${problem}`);
        };
      } else {
        const fn = compiled.exports[name];
        value = () => fn;
      }
    }
    Object.defineProperty(provided, name, {
      enumerable: true,
      get: () => {
        if (!value) throw new MissingPieceError(name);
        return value();
      },
    });
  }
  Object.defineProperty(provided, "__esModule", { value: true });
  return { module: Object.freeze(provided), missing };
}

