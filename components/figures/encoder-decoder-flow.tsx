"use client";
/**
 * The data flow of an encoder-decoder Transformer translating "I like tea" into
 * "J'aime le thé", step by step. The encoder runs once; the decoder runs once per
 * output token, with masked self-attention (violet) and cross-attention (amber, fed
 * by the encoder's context vectors) drawn distinctly. The steps are data, in
 * ./data/encoder-decoder-steps.ts; this file draws them.
 */
import { useState } from "react";
import { StepControls, buttonClass, mutedText } from "./ui";
import { useFigureText, type FigureText } from "./use-figure-text";
import { columnArrows, flowSteps, joinOutput, START, type BoxId, type FlowStep } from "./data/encoder-decoder-steps";
import encoderDecoderFlowEnglish from "./text/en/encoder-decoder-flow.json";

// Geometry: two columns of boxes, data flowing downwards.
const BOX_W = 144;
const ENC_X = 12;
const DEC_X = 192;
const LOOP_X = 350;

interface BoxSpec {
  id: BoxId;
  x: number;
  y: number;
  h: number;
  lines: string[];
  kind?: "masked" | "cross";
}

function boxes(step: FlowStep, t: FigureText): BoxSpec[] {
  const decIn = [START, ...step.decoderInput].join(" ");
  const produced = step.output.length > step.decoderInput.length ? step.output[step.output.length - 1] : "?";
  return [
    { id: "enc-input", x: ENC_X, y: 30, h: 34, lines: [t("boxes.input")] },
    { id: "enc-embed", x: ENC_X, y: 84, h: 42, lines: [t("boxes.embed1"), t("boxes.embed2")] },
    { id: "enc-attn", x: ENC_X, y: 152, h: 34, lines: [t("boxes.selfAttention")] },
    { id: "enc-ffn", x: ENC_X, y: 206, h: 34, lines: [t("boxes.ffn")] },
    { id: "enc-out", x: ENC_X, y: 270, h: 34, lines: [t("boxes.context")] },
    { id: "dec-input", x: DEC_X, y: 30, h: 34, lines: [decIn] },
    { id: "dec-embed", x: DEC_X, y: 84, h: 42, lines: [t("boxes.embed1"), t("boxes.embed2")] },
    { id: "dec-masked", x: DEC_X, y: 152, h: 34, lines: [t("boxes.masked")], kind: "masked" },
    { id: "dec-cross", x: DEC_X, y: 206, h: 34, lines: [t("boxes.cross")], kind: "cross" },
    { id: "dec-ffn", x: DEC_X, y: 260, h: 34, lines: [t("boxes.ffn")] },
    { id: "dec-linear", x: DEC_X, y: 324, h: 30, lines: [t("boxes.linear")] },
    { id: "dec-softmax", x: DEC_X, y: 374, h: 30, lines: [t("boxes.softmax")] },
    { id: "dec-next", x: DEC_X, y: 424, h: 34, lines: [t("boxes.next", { token: produced })] },
  ];
}

function boxClass(kind: BoxSpec["kind"], on: boolean): string {
  if (kind === "masked") {
    return on
      ? "fill-violet-200 stroke-violet-700 stroke-[3] dark:fill-violet-800 dark:stroke-violet-300"
      : "fill-violet-50 stroke-violet-500 dark:fill-violet-950 dark:stroke-violet-400";
  }
  if (kind === "cross") {
    return on
      ? "fill-amber-200 stroke-amber-700 stroke-[3] dark:fill-amber-800 dark:stroke-amber-300"
      : "fill-amber-50 stroke-amber-500 dark:fill-amber-950 dark:stroke-amber-400";
  }
  return on
    ? "fill-sky-100 stroke-sky-700 stroke-[3] dark:fill-sky-900 dark:stroke-sky-300"
    : "fill-slate-50 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500";
}

function DownArrow({ x, y1, y2 }: { x: number; y1: number; y2: number }) {
  return (
    <g className="fill-slate-500 stroke-slate-500 dark:fill-slate-400 dark:stroke-slate-400">
      <line x1={x} x2={x} y1={y1} y2={y2 - 5} strokeWidth={1.5} />
      <path d={`M ${x - 4} ${y2 - 7} L ${x} ${y2} L ${x + 4} ${y2 - 7} z`} />
    </g>
  );
}

export default function EncoderDecoderFlow({ initialStep = 0 }: { initialStep?: number }) {
  const [step, setStep] = useState(initialStep);
  const t = useFigureText("encoder-decoder-flow", encoderDecoderFlowEnglish);
  const current = flowSteps[step];
  const specs = boxes(current, t);
  const on = (id: BoxId) => current.highlight.includes(id);
  const byId = (id: BoxId) => specs.find((b) => b.id === id)!;
  const crossOn = on("dec-cross");
  const encOut = byId("enc-out");
  const cross = byId("dec-cross");
  const stackRect = (first: BoxId, last: BoxId, id: BoxId) => {
    const a = byId(first);
    const b = byId(last);
    return { x: a.x - 7, y: a.y - 8, width: BOX_W + 14, height: b.y + b.h - a.y + 16, on: on(id) };
  };
  const encStack = stackRect("enc-attn", "enc-ffn", "enc-stack");
  const decStack = stackRect("dec-masked", "dec-ffn", "dec-stack");
  const output = joinOutput(current.output);
  const loopOn = current.decoderInput.length > 0 && on("dec-input");

  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <svg
          viewBox="0 0 362 466"
          className="w-full max-w-md"
          role="img"
          aria-label={t("diagram", {
            step: step + 1,
            count: flowSteps.length,
            parts: current.highlight
              .filter((id) => !id.endsWith("stack"))
              .map((id) => byId(id).lines.join(" "))
              .join(", "),
          })}
        >
          <text x={ENC_X + BOX_W / 2} y={16} textAnchor="middle" className="fill-current text-[14px] font-bold">
            {t("encoder")}
          </text>
          <text x={DEC_X + BOX_W / 2} y={16} textAnchor="middle" className="fill-current text-[14px] font-bold">
            {t("decoder")}
          </text>

          {[encStack, decStack].map((r, i) => (
            <g key={i}>
              <rect
                x={r.x}
                y={r.y}
                width={r.width}
                height={r.height}
                rx={10}
                strokeDasharray="5 4"
                className={r.on ? "fill-none stroke-sky-700 stroke-2 dark:stroke-sky-300" : "fill-none stroke-slate-400 dark:stroke-slate-500"}
              />
              <text x={r.x + r.width - 4} y={r.y + r.height + 13} textAnchor="end" className="fill-current text-[12px] font-semibold">
                × N
              </text>
            </g>
          ))}

          {/* arrows inside each column */}
          {columnArrows.map(([from, to]) => {
            const a = byId(from);
            const b = byId(to);
            return <DownArrow key={from} x={a.x + BOX_W / 2} y1={a.y + a.h} y2={b.y} />;
          })}

          {/* encoder output -> cross-attention (keys and values) */}
          <g className={crossOn ? "fill-amber-600 stroke-amber-600 dark:fill-amber-400 dark:stroke-amber-400" : "fill-amber-500 stroke-amber-500 dark:fill-amber-500 dark:stroke-amber-500"}>
            <path
              d={`M ${encOut.x + BOX_W} ${encOut.y + encOut.h / 2} L ${DEC_X - 18} ${encOut.y + encOut.h / 2} L ${DEC_X - 18} ${cross.y + cross.h / 2} L ${DEC_X - 6} ${cross.y + cross.h / 2}`}
              className="fill-none"
              strokeWidth={crossOn ? 3 : 1.5}
              strokeDasharray="6 3"
            />
            <path d={`M ${DEC_X - 8} ${cross.y + cross.h / 2 - 5} L ${DEC_X} ${cross.y + cross.h / 2} L ${DEC_X - 8} ${cross.y + cross.h / 2 + 5} z`} />
          </g>
          <text x={ENC_X} y={encOut.y + encOut.h + 18} className="fill-amber-800 text-[11px] font-semibold dark:fill-amber-300">
            <tspan x={ENC_X}>{t("kv1")}</tspan>
            <tspan x={ENC_X} dy={14}>{t("kv2")}</tspan>
          </text>

          {/* generated token -> appended to the decoder input */}
          <g className={loopOn ? "stroke-emerald-600 dark:stroke-emerald-400" : "stroke-slate-300 dark:stroke-slate-600"}>
            <path
              d={`M ${DEC_X + BOX_W} ${byId("dec-next").y + 17} L ${LOOP_X} ${byId("dec-next").y + 17} L ${LOOP_X} ${byId("dec-input").y + 17} L ${DEC_X + BOX_W + 6} ${byId("dec-input").y + 17}`}
              className="fill-none"
              strokeWidth={loopOn ? 2.5 : 1.5}
              strokeDasharray="4 3"
            />
          </g>
          <text x={ENC_X} y={encOut.y + encOut.h + 60} className={`fill-current text-[11px] ${mutedText}`}>
            <tspan x={ENC_X}>{t("loop1")}</tspan>
            <tspan x={ENC_X} dy={14}>{t("loop2")}</tspan>
            <tspan x={ENC_X} dy={14}>{t("loop3")}</tspan>
          </text>

          {specs.map((b) => (
            <g key={b.id} data-highlighted={on(b.id) || undefined}>
              <rect x={b.x} y={b.y} width={BOX_W} height={b.h} rx={7} className={boxClass(b.kind, on(b.id))} />
              {b.lines.map((line, i) => (
                <text
                  key={i}
                  x={b.x + BOX_W / 2}
                  y={b.y + b.h / 2 + 4 + (i - (b.lines.length - 1) / 2) * 15}
                  textAnchor="middle"
                  className={`fill-current text-[12px] ${on(b.id) ? "font-semibold" : ""}`}
                >
                  {line}
                </text>
              ))}
            </g>
          ))}
        </svg>

        <div className="space-y-3">
          <p aria-live="polite" data-testid="flow-explanation">
            <span className="font-semibold">
              {t("stepOf", { step: step + 1, count: flowSteps.length })}
            </span>{" "}
            {t(`steps.${step}`)}
          </p>
          <p className="text-sm">
            <span className="font-medium">{t("outputSoFar")}</span>
            <span className="font-mono" data-testid="flow-output">
              {output === "" ? t("nothingYet") : output}
            </span>
          </p>
          <ul className="space-y-1 text-xs">
            <li className="flex items-center gap-2">
              <span className="inline-block h-3 w-5 rounded border-2 border-violet-500 bg-violet-50 dark:bg-violet-950" aria-hidden="true" />
              {t("legendMasked")}
            </li>
            <li className="flex items-center gap-2">
              <span className="inline-block h-3 w-5 rounded border-2 border-amber-500 bg-amber-50 dark:bg-amber-950" aria-hidden="true" />
              {t("legendCross")}
            </li>
            <li className="flex items-center gap-2">
              <span className="inline-block h-3 w-5 rounded border-2 border-sky-700 bg-sky-100 dark:border-sky-300 dark:bg-sky-900" aria-hidden="true" />
              {t("legendActive")}
            </li>
          </ul>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <StepControls step={step} count={flowSteps.length} onStep={setStep} />
        <button type="button" className={buttonClass()} onClick={() => setStep(0)}>
          {t("restart")}
        </button>
      </div>
    </div>
  );
}
