"use client";
/** Each piece of the model: the learner's own code, a built-in, or inside a larger piece of theirs; with a switch to force built-in. */
import { useTranslations } from "next-intl";
import { PIECE_IDS, type PieceId } from "@/lib/capstone/pieces";
import type { PiecePlan, PieceRole } from "@/lib/capstone/plan";
import type { FoundPieces } from "./learner-pieces";
import { pieceLabel, type CapstoneTranslate } from "./problem-text";

function roleText(t: CapstoneTranslate, role: PieceRole, found: boolean, forced: boolean): string {
  if (role.kind === "yours") return t("roleYours");
  if (role.kind === "inside") return t("roleInside", { piece: pieceLabel(t, role.of) });
  if (forced) return t("roleSwitched");
  return found ? t("roleBuiltIn") : t("roleNoPass");
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
  const t = useTranslations("capstone");
  return (
    <section aria-labelledby="pieces-title" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="pieces-title" className="text-lg font-semibold">{t("piecesTitle")}</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t("piecesIntro", { locked: locked ? "yes" : "no" })}</p>
      <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
        {PIECE_IDS.map((id) => {
          const role = plan[id];
          const has = Boolean(found[id]);
          return (
            <li key={id} data-testid={`piece-${id}`} data-role={role.kind} className={`flex items-center gap-3 py-2 text-sm ${blamed === id ? "bg-red-50 dark:bg-red-950" : ""}`}>
              <span className="flex-1 font-medium">{pieceLabel(t, id)}</span>
              <span data-testid={`piece-${id}-role`} className={role.kind === "yours" ? "font-semibold text-emerald-700 dark:text-emerald-400" : "text-slate-500 dark:text-slate-400"}>
                {roleText(t, role, has, forced.has(id))}
              </span>
              {has ? (
                <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
                  <input type="checkbox" checked={forced.has(id)} disabled={locked} onChange={(e) => onToggle(id, e.target.checked)} data-testid={`piece-${id}-builtin`} />
                  {t("useBuiltIn")}
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
