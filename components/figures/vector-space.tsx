"use client";
/**
 * A 2-D plot of a few made-up word vectors (content/figures/word-vectors.json). Pick two
 * words to see the angle between their arrows and their cosine similarity.
 */
import { useId, useState } from "react";
import wordVectors from "@/content/figures/word-vectors.json";
import { add, angleDegrees, cosineSimilarity, direction2d, norm, subtract } from "./math/vectors";
import { Checkbox, focusRing, mutedText } from "./ui";
import { figureText, useFigureText, type FigureText } from "./use-figure-text";
import vectorSpaceEnglish from "./text/en/vector-space.json";

export interface WordVector {
  word: string;
  vector: [number, number];
}

export const words: WordVector[] = wordVectors.words.map((w) => ({ word: w.word, vector: [w.vector[0], w.vector[1]] }));

export function vectorOf(word: string): [number, number] {
  const found = words.find((w) => w.word === word);
  if (!found) throw new Error(`no vector for "${word}"`);
  return found.vector;
}

/** What a cosine similarity means, in words. */
const english = figureText("vector-space", vectorSpaceEnglish);

export function similarityPhrase(cos: number, t: FigureText = english): string {
  if (cos >= 0.9) return t("phrases.same");
  if (cos >= 0.6) return t("phrases.similar");
  if (cos >= 0.2) return t("phrases.loose");
  if (cos > -0.2) return t("phrases.perpendicular");
  return t("phrases.opposite");
}

export function describePair(a: string, b: string, t: FigureText = english): string {
  const va = vectorOf(a);
  const vb = vectorOf(b);
  const cos = cosineSimilarity(va, vb);
  const angle = angleDegrees(va, vb);
  return t("pair", { cos: cos.toFixed(3), angle: angle.toFixed(1), a, b, phrase: similarityPhrase(cos, t) });
}

// Plot geometry: data units to SVG pixels.
const X_MIN = -2.0;
const X_MAX = 4.6;
const Y_MIN = -0.6;
const Y_MAX = 4.0;
const SCALE = 58;
const WIDTH = (X_MAX - X_MIN) * SCALE;
const HEIGHT = (Y_MAX - Y_MIN) * SCALE;
const sx = (x: number) => (x - X_MIN) * SCALE;
const sy = (y: number) => (Y_MAX - y) * SCALE;

function Arrow({ from = [0, 0], to, className, dashed = false, markerId }: {
  from?: readonly number[];
  to: readonly number[];
  className: string;
  dashed?: boolean;
  markerId: string;
}) {
  return (
    <line
      x1={sx(from[0])}
      y1={sy(from[1])}
      x2={sx(to[0])}
      y2={sy(to[1])}
      className={className}
      strokeDasharray={dashed ? "5 4" : undefined}
      markerEnd={`url(#${markerId})`}
    />
  );
}

/** The arc that marks the angle between two vectors, drawn around the origin. */
function angleArc(a: readonly number[], b: readonly number[], radius: number): string {
  let start = direction2d(a);
  let end = direction2d(b);
  if (end < start) [start, end] = [end, start];
  if (end - start > 180) [start, end] = [end, start + 360];
  const point = (deg: number) => {
    const r = (deg * Math.PI) / 180;
    return `${sx(0) + radius * Math.cos(r)} ${sy(0) - radius * Math.sin(r)}`;
  };
  return `M ${point(start)} A ${radius} ${radius} 0 0 0 ${point(end)}`;
}

export default function VectorSpace({ initialPair = ["king", "queen"] }: { initialPair?: [string, string] }) {
  const [pair, setPair] = useState<[string, string]>(initialPair);
  const t = useFigureText("vector-space", vectorSpaceEnglish);
  const [showAnalogy, setShowAnalogy] = useState(false);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const firstId = `${uid}-first`;
  const secondId = `${uid}-second`;
  const [a, b] = pair;
  const va = vectorOf(a);
  const vb = vectorOf(b);
  const midAngle = ((direction2d(va) + direction2d(vb)) / 2) * (Math.PI / 180);
  const analogy = add(subtract(vectorOf("king"), vectorOf("man")), vectorOf("woman"));

  function pick(word: string) {
    if (word === a || word === b) return;
    setPair([b, word]); // the two most recently picked words
  }

  const colour = (word: string) =>
    word === a
      ? "stroke-sky-700 dark:stroke-sky-400"
      : word === b
        ? "stroke-orange-600 dark:stroke-orange-400"
        : "stroke-slate-400 dark:stroke-slate-500";
  const marker = (word: string) => (word === a ? `${uid}-a` : word === b ? `${uid}-b` : `${uid}-o`);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-4">
        <WordPicker id={firstId} dot="bg-sky-700 dark:bg-sky-400" label={t("first")} words={words} value={a} onChange={(word) => setPair([word, b])} />
        <WordPicker id={secondId} dot="bg-orange-600 dark:bg-orange-400" label={t("second")} words={words} value={b} onChange={(word) => setPair([a, word])} />
      </div>

      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="w-full max-w-md"
        role="img"
        aria-label={t("arrowsLabel", { list: words.map((w) => `${w.word} (${w.vector[0]}, ${w.vector[1]})`).join(", "), a, b })}
      >
        <defs>
          {[
            [`${uid}-a`, "fill-sky-700 dark:fill-sky-400"],
            [`${uid}-b`, "fill-orange-600 dark:fill-orange-400"],
            [`${uid}-o`, "fill-slate-400 dark:fill-slate-500"],
            [`${uid}-d`, "fill-emerald-700 dark:fill-emerald-400"],
          ].map(([id, cls]) => (
            <marker key={id} id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className={cls} />
            </marker>
          ))}
        </defs>
        {/* grid and axes */}
        {Array.from({ length: 6 }, (_, i) => i - 1).map((x) => (
          <line key={`gx${x}`} x1={sx(x)} x2={sx(x)} y1={0} y2={HEIGHT} className="stroke-slate-200 dark:stroke-slate-800" />
        ))}
        {Array.from({ length: 4 }, (_, i) => i).map((y) => (
          <line key={`gy${y}`} x1={0} x2={WIDTH} y1={sy(y)} y2={sy(y)} className="stroke-slate-200 dark:stroke-slate-800" />
        ))}
        <line x1={0} x2={WIDTH} y1={sy(0)} y2={sy(0)} className="stroke-slate-400 dark:stroke-slate-500" />
        <line x1={sx(0)} x2={sx(0)} y1={0} y2={HEIGHT} className="stroke-slate-400 dark:stroke-slate-500" />
        <text x={WIDTH - 4} y={sy(0) + 14} textAnchor="end" className={`fill-current text-[11px] ${mutedText}`}>
          x
        </text>
        <text x={sx(0) + 5} y={12} className={`fill-current text-[11px] ${mutedText}`}>
          y
        </text>

        {/* angle between the selected pair */}
        {a !== b && (
          <>
            <path d={angleArc(va, vb, 34)} className="fill-none stroke-emerald-700 stroke-2 dark:stroke-emerald-400" />
            <text
              x={sx(0) + 48 * Math.cos(midAngle)}
              y={sy(0) - 48 * Math.sin(midAngle) + 4}
              textAnchor="middle"
              className="fill-emerald-800 text-[12px] font-semibold dark:fill-emerald-300"
            >
              θ
            </text>
          </>
        )}

        {/* unselected first, so the selected pair is drawn on top */}
        {[...words].sort((p, q) => Number(p.word === a || p.word === b) - Number(q.word === a || q.word === b)).map((w) => {
          const selected = w.word === a || w.word === b;
          const length = norm(w.vector);
          const ux = w.vector[0] / length;
          const uy = w.vector[1] / length;
          return (
            <g key={w.word} className="cursor-pointer" onClick={() => pick(w.word)}>
              <Arrow to={w.vector} className={`${colour(w.word)} ${selected ? "stroke-[3]" : "stroke-[1.5]"}`} markerId={marker(w.word)} />
              <text
                // flat arrows get their label to the right of the tip, steep ones above it
                x={ux > 0.7 ? sx(w.vector[0]) + 8 : sx(w.vector[0]) + ux * 12}
                y={ux > 0.7 ? sy(w.vector[1]) + 5 : sy(w.vector[1]) - uy * 12}
                textAnchor={ux > 0.7 ? "start" : "middle"}
                className={`fill-current text-[13px] ${selected ? "font-bold" : ""}`}
              >
                {w.word}
              </text>
            </g>
          );
        })}

        {showAnalogy && (
          <g data-testid="analogy">
            <Arrow from={vectorOf("man")} to={vectorOf("woman")} dashed className="stroke-emerald-700 stroke-2 dark:stroke-emerald-400" markerId={`${uid}-d`} />
            <Arrow from={vectorOf("king")} to={vectorOf("queen")} dashed className="stroke-emerald-700 stroke-2 dark:stroke-emerald-400" markerId={`${uid}-d`} />
          </g>
        )}
      </svg>

      <p aria-live="polite" className="font-medium" data-testid="similarity-readout">
        {a === b ? t("same", { a }) : describePair(a, b, t)}
      </p>
      <p className={`text-sm ${mutedText}`}>
        {t("explain")}
      </p>

      <Checkbox checked={showAnalogy} onChange={setShowAnalogy} accent="emerald">
        {t("showOffset")}
      </Checkbox>
      {showAnalogy && (
        <p className="text-sm" aria-live="polite">
          {t("offset", { vector: analogy.map((x) => x.toFixed(2)).join(", ") })}
        </p>
      )}
      <p className={`text-xs ${mutedText}`}>
        {t("invented")}
      </p>
    </div>
  );
}

/** A labelled word menu, with the colour dot its word wears in the drawing. */
function WordPicker({ id, dot, label, words, value, onChange }: { id: string; dot: string; label: string; words: readonly { word: string }[]; value: string; onChange: (word: string) => void }) {
  return (
    <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
      <span className={`inline-block h-3 w-3 rounded-full ${dot}`} aria-hidden="true" />
      {label}
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800 ${focusRing}`}
      >
        {words.map((w) => (
          <option key={w.word} value={w.word}>
            {w.word}
          </option>
        ))}
      </select>
    </label>
  );
}
