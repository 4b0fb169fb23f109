"use client";
/** Each piece of the model: the learner's own code, a built-in, or inside a larger piece of theirs; with a switch to force built-in. */
import { PIECE_IDS, PIECES, type PieceId } from "@/lib/capstone/pieces";
import type { PiecePlan, PieceRole } from "@/lib/capstone/plan";
import type { FoundPieces } from "./learner-pieces";

function roleText(role: PieceRole, found: boolean, forced: boolean): string {
  if (role.kind === "yours") return "yours";
  if (role.kind === "inside") return `inside your ${PIECES[role.of].label}`;
  if (forced) return "built-in (switched)";
  return found ? "built-in" : "built-in (no passing run yet)";
}

export function PiecesPanel({
  plan,
  found,
  forced,
  locked,
  blamed,
  onToggle,
}: {
  plan: PiecePlan;
  found: FoundPieces;
  forced: ReadonlySet<PieceId>;
  /** While a run exists its pieces are fixed: reset to change them. */
  locked: boolean;
  blamed?: PieceId;
  onToggle(id: PieceId, builtIn: boolean): void;
}) {
  return (
    <section aria-labelledby="pieces-title" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="pieces-title" className="text-lg font-semibold">Your pieces</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        Every exercise you have passed plugs its code into the model; the rest use TensorFlow.js built-ins written for this page.
        {locked ? " Reset the run to change them." : ""}
      </p>
      <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
        {PIECE_IDS.map((id) => {
          const role = plan[id];
          const has = Boolean(found[id]);
          return (
            <li key={id} data-testid={`piece-${id}`} data-role={role.kind} className={`flex items-center gap-3 py-2 text-sm ${blamed === id ? "bg-red-50 dark:bg-red-950" : ""}`}>
              <span className="flex-1 font-medium">{PIECES[id].label}</span>
              <span data-testid={`piece-${id}-role`} className={role.kind === "yours" ? "font-semibold text-emerald-700 dark:text-emerald-400" : "text-slate-500 dark:text-slate-400"}>
                {roleText(role, has, forced.has(id))}
              </span>
              {has ? (
                <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
                  <input type="checkbox" checked={forced.has(id)} disabled={locked} onChange={(e) => onToggle(id, e.target.checked)} data-testid={`piece-${id}-builtin`} />
                  use built-in
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
