"use client";
/** The hyper-parameters, each within the laptop-safe limits of lib/capstone/settings.ts. */
import { LIMITS, type TrainingSettings } from "@/lib/capstone/settings";

type NumericKey = Exclude<keyof TrainingSettings, "seed">;

const FIELDS: { key: NumericKey; label: string; step: number }[] = [
  { key: "layers", label: "Layers", step: 1 },
  { key: "dModel", label: "Width", step: 16 },
  { key: "heads", label: "Heads", step: 1 },
  { key: "context", label: "Context", step: 16 },
  { key: "batch", label: "Batch", step: 1 },
  { key: "learningRate", label: "Learning rate", step: 0.0005 },
  { key: "steps", label: "Steps", step: 50 },
];

export function SettingsForm({ value, disabled, onChange }: { value: TrainingSettings; disabled: boolean; onChange(next: TrainingSettings): void }) {
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <legend className="sr-only">Hyper-parameters</legend>
      {FIELDS.map(({ key, label, step }) => (
        <label key={key} className="text-sm">
          <span className="block text-slate-600 dark:text-slate-300">{label}</span>
          <input
            type="number"
            data-testid={`setting-${key}`}
            min={LIMITS[key].min}
            max={LIMITS[key].max}
            step={step}
            value={value[key]}
            onChange={(e) => onChange({ ...value, [key]: e.target.value === "" ? NaN : Number(e.target.value) })}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
      ))}
    </fieldset>
  );
}
