"use client";
/**
 * Nested sets: AI ⊃ machine learning ⊃ deep learning ⊃ large models ⊃ LLMs, and AIGC
 * beside them as what large models produce (engine → content). Clicking or focusing a
 * region shows its one-line definition.
 */
import { useState } from "react";
import { SvgButton, mutedText } from "./ui";
import { figureText, useFigureText, type FigureText } from "./use-figure-text";
import aiRelationshipEnglish from "./text/en/ai-relationship.json";

export type RegionId = "ai" | "ml" | "dl" | "large" | "llm" | "aigc";

const regionIds: readonly RegionId[] = ["ai", "ml", "dl", "large", "llm", "aigc"];

function regionsIn(t: FigureText) {
  return regionIds.map((id) => ({ id, label: t(`regions.${id}.label`), short: t(`regions.${id}.short`), definition: t(`regions.${id}.definition`) }));
}

/** The regions in English, outermost first (AIGC last). */
export const regions = regionsIn(figureText("ai-relationship", aiRelationshipEnglish));

// Nest geometry: each ring is inset from its parent; its label sits in the band at its top.
const nest = (level: number) => ({
  x: 4 + 15 * level,
  y: 4 + 26 * level,
  width: 352 - 30 * level,
  height: 246 - 36 * level,
});

const fills = [
  "fill-slate-100 dark:fill-slate-800",
  "fill-sky-50 dark:fill-sky-950",
  "fill-sky-100 dark:fill-sky-900",
  "fill-sky-200 dark:fill-sky-800",
  "fill-sky-300 dark:fill-sky-700",
];

/**
 * A region's accessible name must contain the words drawn on it (WCAG 2.5.3, label in name), so
 * that a voice-control user can say what they see: the full label when it already does, else the
 * drawn words first, then the label.
 */
function nameWithDrawnText(drawn: string, label: string): string {
  return label.includes(drawn) ? label : `${drawn}, ${label}`;
}

export default function AiRelationship({ initialRegion = "ai" }: { initialRegion?: RegionId }) {
  const [selected, setSelected] = useState<RegionId>(initialRegion);
  const t = useFigureText("ai-relationship", aiRelationshipEnglish);
  const regions = regionsIn(t);
  const current = regions.find((r) => r.id === selected) ?? regions[0];
  const stroke = (id: RegionId) =>
    id === selected ? "stroke-orange-600 stroke-[3] dark:stroke-orange-400" : "stroke-slate-400 dark:stroke-slate-500";

  const large = nest(3);
  const arrowX = large.x + large.width / 2;

  return (
    <div className="space-y-3">
      <p className={`text-sm ${mutedText}`}>{t("hint")}</p>
      <svg viewBox="0 0 360 340" className="w-full max-w-md">
        {regions.slice(0, 5).map((region, level) => {
          const box = nest(level);
          const innermost = level === 4;
          const drawn = innermost ? t("innermost") : region.short;
          return (
            <SvgButton
              key={region.id}
              label={nameWithDrawnText(drawn, region.label)}
              pressed={selected === region.id}
              onSelect={() => setSelected(region.id)}
              testId={`region-${region.id}`}
            >
              <rect {...box} rx={16} className={`${fills[level]} ${stroke(region.id)}`} />
              <text
                x={innermost ? box.x + box.width / 2 : box.x + 12}
                y={innermost ? box.y + box.height / 2 + 5 : box.y + 18}
                textAnchor={innermost ? "middle" : "start"}
                className="fill-current text-[13px] font-semibold"
              >
                {drawn}
              </text>
            </SvgButton>
          );
        })}

        {/* engine -> content */}
        <line x1={arrowX} y1={large.y + large.height} x2={arrowX} y2={272} className="stroke-orange-600 stroke-2 dark:stroke-orange-400" />
        <path d={`M ${arrowX - 6} 266 L ${arrowX} 276 L ${arrowX + 6} 266 z`} className="fill-orange-600 dark:fill-orange-400" />
        <text x={arrowX + 10} y={266} className={`fill-current text-[11px] ${mutedText}`}>
          {t("powers")}
        </text>

        <SvgButton label={`${t("aigcBox")}, ${t("aigcKinds")}`} pressed={selected === "aigc"} onSelect={() => setSelected("aigc")} testId="region-aigc">
          <rect x={40} y={278} width={280} height={56} rx={10} className={`fill-amber-100 dark:fill-amber-900 ${stroke("aigc")}`} />
          <text x={180} y={300} textAnchor="middle" className="fill-current text-[13px] font-semibold">
            {t("aigcBox")}
          </text>
          {/* A space between the two lines, so the text read out (and axe) does not run their words together. */}
          {" "}
          <text x={180} y={320} textAnchor="middle" className="fill-current text-[12px]">
            {t("aigcKinds")}
          </text>
        </SvgButton>
      </svg>

      <div aria-live="polite" className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid="region-definition">
        <p className="font-semibold">{current.label}</p>
        <p className="mt-1 text-sm">{current.definition}</p>
      </div>
    </div>
  );
}
