"use client";
/**
 * Heat map of the sinusoidal positional encoding PE[pos, i] for positions 0-49 and a
 * d_model chosen with a slider. Drawn on a canvas with one pixel per cell (scaled up by
 * CSS), so even 50 × 128 cells cost one small image. Arrow keys move a cursor over the
 * cells; the readout below names the cell and its value.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { positionalEncoding, wavelength } from "./math/positional-encoding";
import { LabelledSlider, focusRing, mutedText } from "./ui";
import { figureText, useFigureText, type FigureText } from "./use-figure-text";
import positionalEncodingHeatmapEnglish from "./text/en/positional-encoding-heatmap.json";

export const POSITIONS = 50;
export const dModelRange = { min: 16, max: 128, step: 16 } as const;

/** Positive values in orange, negative in blue, with opacity |v|: 0 blends into the page. */
const POSITIVE = [234, 88, 12] as const; // orange-600
const NEGATIVE = [37, 99, 235] as const; // blue-600

export function cellColor(value: number): string {
  const [r, g, b] = value >= 0 ? POSITIVE : NEGATIVE;
  return `rgba(${r}, ${g}, ${b}, ${Math.min(1, Math.abs(value)).toFixed(3)})`;
}

/** The text of the readout for one cell. */
export function describeCell(pos: number, dim: number, dModel: number, value: number, t: FigureText = figureText("positional-encoding-heatmap", positionalEncodingHeatmapEnglish)): string {
  const kind = dim % 2 === 0 ? "sin" : "cos";
  const pair = Math.floor(dim / 2);
  const wave = wavelength(dim, dModel);
  const waveText = wave < 1000 ? wave.toFixed(1) : Math.round(wave).toLocaleString("en-US");
  return t("cell", { pos, dim, kind, pair, value: value.toFixed(3), wave: waveText });
}

export default function PositionalEncodingHeatmap({ initialDModel = 64 }: { initialDModel?: number }) {
  const t = useFigureText("positional-encoding-heatmap", positionalEncodingHeatmapEnglish);
  const [dModel, setDModel] = useState(initialDModel);
  const [cursor, setCursor] = useState({ pos: 10, dim: 0 });
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutId = useId();
  const table = useMemo(() => positionalEncoding(POSITIONS, dModel), [dModel]);

  const dim = Math.min(cursor.dim, dModel - 1);
  const pos = cursor.pos;

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context) return;
    const image = context.createImageData(dModel, POSITIONS);
    for (let p = 0; p < POSITIONS; p++) {
      for (let d = 0; d < dModel; d++) {
        const v = table[p][d];
        const [r, g, b] = v >= 0 ? POSITIVE : NEGATIVE;
        const k = 4 * (p * dModel + d);
        image.data[k] = r;
        image.data[k + 1] = g;
        image.data[k + 2] = b;
        image.data[k + 3] = Math.round(Math.min(1, Math.abs(v)) * 255);
      }
    }
    context.putImageData(image, 0, 0);
  }, [table, dModel]);

  function moveTo(nextPos: number, nextDim: number) {
    setCursor({
      pos: Math.max(0, Math.min(POSITIONS - 1, nextPos)),
      dim: Math.max(0, Math.min(dModel - 1, nextDim)),
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    const big = event.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [pos - big, dim],
      ArrowDown: [pos + big, dim],
      ArrowLeft: [pos, dim - big],
      ArrowRight: [pos, dim + big],
      Home: [pos, 0],
      End: [pos, dModel - 1],
      PageUp: [0, dim],
      PageDown: [POSITIONS - 1, dim],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      moveTo(target[0], target[1]);
    }
  }

  function onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    moveTo(
      Math.floor(((event.clientY - rect.top) / rect.height) * POSITIONS),
      Math.floor(((event.clientX - rect.left) / rect.width) * dModel),
    );
  }

  const value = table[pos][dim];
  const xTicks = [0, dModel / 4, dModel / 2, (3 * dModel) / 4, dModel - 1];

  return (
    <div className="space-y-4">
      <LabelledSlider label={t("slider")} range={dModelRange} value={dModel} valueText={`d_model = ${dModel}`} onChange={setDModel} readoutTestId="dmodel-value" />

      <div className="grid grid-cols-[auto_1fr] gap-x-2">
        <div className={`flex flex-col justify-between text-right font-mono text-[11px] ${mutedText}`} aria-hidden="true">
          <span>0</span>
          <span>10</span>
          <span>20</span>
          <span>30</span>
          <span>40</span>
          <span>49</span>
        </div>
        <div
          className={`relative rounded ${focusRing}`}
          tabIndex={0}
          role="group"
          aria-roledescription={t("heatMap")}
          aria-label={t("gridLabel", { last: dModel - 1 })}
          aria-describedby={readoutId}
          onKeyDown={onKeyDown}
        >
          <canvas
            ref={canvasRef}
            width={dModel}
            height={POSITIONS}
            onPointerMove={onPointerMove}
            onPointerDown={onPointerMove}
            className="block h-64 w-full cursor-crosshair rounded border border-slate-300 sm:h-80 dark:border-slate-600"
            style={{ imageRendering: "pixelated" }}
          />
          <div
            aria-hidden="true"
            className="pointer-events-none absolute border-2 border-slate-900 dark:border-white"
            style={{
              left: `${(dim / dModel) * 100}%`,
              top: `${(pos / POSITIONS) * 100}%`,
              width: `max(${100 / dModel}%, 4px)`,
              height: `${100 / POSITIONS}%`,
            }}
          />
        </div>
        <div />
        <div className={`relative mt-1 h-4 font-mono text-[11px] ${mutedText}`} aria-hidden="true">
          {xTicks.map((tick, i) => (
            <span
              key={i}
              className="absolute -translate-x-1/2 first:translate-x-0 last:-translate-x-full"
              style={{ left: `${((i === xTicks.length - 1 ? dModel : tick) / dModel) * 100}%` }}
            >
              {tick}
            </span>
          ))}
        </div>
      </div>
      <p className={`-mt-2 flex justify-between text-xs ${mutedText}`}>
        <span>{t("positionAxis")}</span>
        <span>{t("dimensionAxis")}</span>
      </p>

      <div className="flex items-center gap-2 text-xs" aria-label={t("legend")}>
        <span className="font-mono">−1</span>
        <span
          className="h-3 w-40 rounded border border-slate-300 dark:border-slate-600"
          style={{ background: `linear-gradient(to right, ${cellColor(-1)}, ${cellColor(0)}, ${cellColor(1)})` }}
        />
        <span className="font-mono">+1</span>
        <span className={mutedText}>{t("legendText")}</span>
      </div>

      <p id={readoutId} aria-live="polite" className="font-mono text-sm" data-testid="pe-readout">
        {describeCell(pos, dim, dModel, value, t)}
      </p>

      <p className={`text-sm ${mutedText}`}>
        {t("explanation")}
      </p>
    </div>
  );
}
