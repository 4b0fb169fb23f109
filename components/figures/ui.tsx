"use client";
/** Small building blocks shared by the figures: buttons, step controls, class names. */
import { useId, type ReactNode } from "react";
import { useFigureText } from "./use-figure-text";
import uiEnglish from "./text/en/ui.json";

/** A visible keyboard focus ring, the same on every control of every figure. */
export const focusRing =
  "outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400";

export const mutedText = "text-slate-600 dark:text-slate-400";

/** Classes for SVG regions that are selectable: a focus outline drawn by the browser on the <g>. */
export const svgFocus = "cursor-pointer outline-none focus-visible:outline-2 focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400";

export function buttonClass(pressed = false): string {
  const base =
    "inline-flex items-center justify-center gap-1 rounded-md border px-3 py-1.5 text-sm font-medium transition-colors aria-disabled:cursor-not-allowed aria-disabled:opacity-40";
  const look = pressed
    ? "border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950"
    : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";
  return `${base} ${look} ${focusRing}`;
}

/** A row of mutually exclusive choices, each an aria-pressed toggle button. */
export function ChoiceButtons<T extends string | number>({
  label,
  options,
  value,
  onChange,
  testIdPrefix,
}: {
  label: string;
  options: readonly { value: T; label: ReactNode; description?: string }[];
  value: T;
  onChange: (value: T) => void;
  /** data-testid of each button is `${testIdPrefix}${index + 1}` */
  testIdPrefix?: string;
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-2">
      {options.map((option, index) => (
        <button
          key={String(option.value)}
          type="button"
          aria-pressed={option.value === value}
          title={option.description}
          data-testid={testIdPrefix ? `${testIdPrefix}${index + 1}` : undefined}
          className={buttonClass(option.value === value)}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** Previous / Next buttons with a "Step i of n" (or "Stage i of n") counter. `step` is 0-based. */
export function StepControls({
  step,
  count,
  onStep,
  unit = "step",
}: {
  step: number;
  count: number;
  onStep: (step: number) => void;
  unit?: "step" | "stage";
}) {
  const t = useFigureText("ui", uiEnglish);
  return (
    <div className="flex flex-wrap items-center gap-3">
      {/* aria-disabled rather than disabled: a disabled button would drop keyboard focus
          at the first or last step. */}
      <button
        type="button"
        className={buttonClass()}
        aria-disabled={step <= 0}
        onClick={() => step > 0 && onStep(step - 1)}
      >
        <span aria-hidden="true">←</span> {t("previous")}
      </button>
      <button
        type="button"
        className={buttonClass()}
        aria-disabled={step >= count - 1}
        onClick={() => step < count - 1 && onStep(step + 1)}
      >
        {t("next")} <span aria-hidden="true">→</span>
      </button>
      <span className={`text-sm ${mutedText}`} aria-live="polite">
        {t(unit === "stage" ? "stageOf" : "stepOf", { step: step + 1, count })}
      </span>
    </div>
  );
}

/** Keyboard handler for SVG regions acting as buttons: Enter and Space activate. */
export function activateOnKey(action: () => void) {
  return (event: { key: string; preventDefault: () => void }) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action();
    }
  };
}

/** Formats a probability in [0, 1] as a percentage with one decimal ("97.3%"). */
export function percent(p: number, digits = 1): string {
  return `${(p * 100).toFixed(digits)}%`;
}

/**
 * An SVG group that behaves like a toggle button: focusable with Tab, activated by click,
 * Enter or Space. `selectOnFocus` also selects it when it receives focus, so keyboard
 * users see its explanation just by tabbing through the drawing.
 */
export function SvgButton({
  label,
  pressed,
  onSelect,
  selectOnFocus = true,
  children,
  testId,
}: {
  label: string;
  pressed: boolean;
  onSelect: () => void;
  selectOnFocus?: boolean;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={pressed}
      data-testid={testId}
      className={svgFocus}
      onClick={onSelect}
      onFocus={selectOnFocus ? onSelect : undefined}
      onKeyDown={activateOnKey(onSelect)}
    >
      {children}
    </g>
  );
}

/** A line of a figure's explanation: a bold label ("Result: ") and its text. */
export function LabelledText({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <p className={className}>
      <span className="font-medium">{label}</span>
      {children}
    </p>
  );
}

/** The rounded box of one stage in a stepped diagram, highlighted while its stage is shown. */
export function StageBox({ y, width, height, selected }: { y: number; width: number; height: number; selected: boolean }) {
  return (
    <rect
      x={4}
      y={y}
      width={width}
      height={height}
      rx={10}
      className={
        selected
          ? "fill-sky-100 stroke-orange-600 stroke-[3] dark:fill-sky-900 dark:stroke-orange-400"
          : "fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500"
      }
    />
  );
}

/** A labelled range slider with its current value read out beside it (`readout`, by default the screen readers' `valueText`). */
export function LabelledSlider({
  label,
  range: { min, max, step },
  value,
  valueText,
  onChange,
  readout = valueText,
  readoutTestId,
}: {
  label: string;
  range: { min: number; max: number; step: number };
  value: number;
  valueText: string;
  onChange: (value: number) => void;
  readout?: ReactNode;
  readoutTestId: string;
}) {
  return (
    <LabelledControl label={label} className="flex flex-wrap items-center gap-x-4 gap-y-2">
      {(id) => (
        <>
          <input
            id={id}
            type="range"
            min={min}
            max={max}
            step={step}
            value={value}
            aria-valuetext={valueText}
            onChange={(e) => onChange(Number(e.target.value))}
            className={`w-full max-w-xs accent-sky-700 dark:accent-sky-400 ${focusRing}`}
          />
          <output htmlFor={id} className="font-mono text-sm tabular-nums" data-testid={readoutTestId}>
            {readout}
          </output>
        </>
      )}
    </LabelledControl>
  );
}

/** A form control after its label, in a box laid out by `className`; `children` gets the id that ties the two. */
export function LabelledControl({ label, className, children }: { label: string; className: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

const checkboxAccent = {
  sky: "accent-sky-700 dark:accent-sky-400",
  emerald: "accent-emerald-700 dark:accent-emerald-400",
};

/**
 * A checkbox with its label beside it. `align="start"` for a label that may wrap: the box stays
 * by its first line.
 */
export function Checkbox({
  checked,
  onChange,
  accent,
  align = "center",
  testId,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  accent: keyof typeof checkboxAccent;
  align?: "start" | "center";
  testId?: string;
  children: ReactNode;
}) {
  return (
    <label className={`flex ${align === "start" ? "items-start" : "items-center"} gap-2 text-sm`}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className={`${align === "start" ? "mt-0.5 " : ""}h-4 w-4 ${checkboxAccent[accent]} ${focusRing}`}
        data-testid={testId}
      />
      {children}
    </label>
  );
}
