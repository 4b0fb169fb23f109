import { describe, expect, it } from "@jest/globals";
import { createTranslator } from "next-intl";
import { DEFAULT_SETTINGS, trainingSettingsSchema, type TrainingSettings } from "@/lib/capstone/settings";
import { messagesOf } from "@/tests/support/intl";
import type { CapstoneTranslate } from "./problem-text";
import { settingsProblemText } from "./settings-form";

const capstone = (locale: string) => createTranslator({ locale, messages: messagesOf(locale), namespace: "capstone" }) as unknown as CapstoneTranslate;
const zh = messagesOf("zh").capstone as Record<string, string> & { setting: Record<string, string> };

/** What the training page says for these settings on a page in `locale`. */
function problemFor(change: Partial<TrainingSettings>, locale: string): string {
  const parsed = trainingSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...change });
  if (parsed.success) throw new Error("expected the settings to be refused");
  return settingsProblemText(capstone(locale), parsed.error.issues[0], locale);
}

describe("the training page names what is wrong with the settings", () => {
  it("in Chinese, names the field and its range, an empty field, the heads that do not divide the width", () => {
    expect(problemFor({ layers: 9 }, "zh")).toBe(`${zh.setting.layers}必须是 1 到 4 之间的整数。`);
    expect(problemFor({ layers: 1.5 }, "zh")).toBe(`${zh.setting.layers}必须是 1 到 4 之间的整数。`);
    expect(problemFor({ learningRate: 1 }, "zh")).toBe(`${zh.setting.learningRate}必须是 0.0001 到 0.01 之间的数。`);
    expect(problemFor({ steps: NaN }, "zh")).toBe(`${zh.setting.steps}必须填一个数。`);
    expect(problemFor({ heads: 3 }, "zh")).toBe(zh.settingDivisible);
    expect(problemFor({ seed: -1 }, "zh")).toBe(zh.settingsCheck);
  });

  it("in English, keeps the schema's own sentence", () => {
    expect(problemFor({ layers: 9 }, "en")).toBe("Layers must be at most 4");
    expect(problemFor({ heads: 3 }, "en")).toBe("Width must be divisible by the number of heads");
  });
});
