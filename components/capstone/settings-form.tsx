"use client";
/** The hyper-parameters, each within the laptop-safe limits of lib/capstone/settings.ts. */
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { LIMITS, type TrainingSettings } from "@/lib/capstone/settings";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import type { CapstoneTranslate } from "./problem-text";

type NumericKey = Exclude<keyof TrainingSettings, "seed">;

/** Each field's label is the message "setting.<key>". */
const FIELDS: { key: NumericKey; step: number }[] = [
  { key: "layers", step: 1 },
  { key: "dModel", step: 16 },
  { key: "heads", step: 1 },
  { key: "context", step: 16 },
  { key: "batch", step: 1 },
  { key: "learningRate", step: 0.0005 },
  { key: "steps", step: 50 },
];

const isNumericKey = (key: unknown): key is NumericKey => FIELDS.some((f) => f.key === key);

/**
 * The first thing wrong with the settings: on an English page the schema's own sentence (as
 * before); in another language a field out of its range (the limits above, the ones the schema
 * checks), or a width the heads do not divide (decision 041).
 */
export function settingsProblemText(t: CapstoneTranslate, issue: z.core.$ZodIssue | undefined, locale: string): string {
  if (locale === DEFAULT_LOCALE) return issue?.message ?? t("settingsCheck");
  const key = issue?.path[0];
  // The one cross-field rule (the schema's refine): heads must divide the width.
  if (issue?.code === "custom") return t("settingDivisible");
  // Not one of the form's fields (the seed): nothing on the page to name.
  if (!isNumericKey(key)) return t("settingsCheck");
  const setting = t(`setting.${key}`);
  // Empty or not a number (a whole number that is not whole is a range problem: the message says "whole").
  if (issue?.code === "invalid_type" && issue.expected === "number") return t("settingNumber", { setting });
  const { min, max } = LIMITS[key];
  return t("settingRange", { setting, whole: key === "learningRate" ? "no" : "yes", min, max });
}

export function SettingsForm({ value, disabled, onChange }: { value: TrainingSettings; disabled: boolean; onChange(next: TrainingSettings): void }) {
  const t = useTranslations("capstone");
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <legend className="sr-only">{t("settingsLegend")}</legend>
      {FIELDS.map(({ key, step }) => (
        <label key={key} className="text-sm">
          <span className="block text-slate-600 dark:text-slate-300">{t(`setting.${key}`)}</span>
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
