"use client";
/** One head's attention weights as a grid: row = the character attending, column = the one attended to. */
import { useTranslations } from "next-intl";
import type { AttentionMaps } from "@/lib/capstone/worker/protocol";

const show = (c: string) => (c === " " ? "␣" : c === "\n" ? "↵" : c);

export function AttentionGrid({ maps, layer, head }: { maps: AttentionMaps; layer: number; head: number }) {
  const t = useTranslations("capstone");
  const weights = maps.weights[layer]?.[head] ?? [];
  return (
    <table className="border-collapse font-mono text-[10px]" data-testid="attention-grid" aria-label={t("attentionGrid", { layer: layer + 1, head: head + 1 })}>
      <thead>
        <tr>
          <th />
          {maps.tokens.map((t, j) => (
            <th key={j} scope="col" className="w-4 font-normal">{show(t)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weights.map((row, i) => (
          <tr key={i}>
            <th scope="row" className="pr-1 font-normal">{show(maps.tokens[i])}</th>
            {row.map((w, j) => (
              <td key={j} title={`${show(maps.tokens[i])} → ${show(maps.tokens[j])}: ${w.toFixed(3)}`} className="h-4 w-4" style={{ backgroundColor: `rgba(79, 70, 229, ${w.toFixed(3)})` }} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
