import { describe, expect, it } from "@jest/globals";
import { createTranslator } from "next-intl";
import { messagesOf } from "@/tests/support/intl";
import { ENGLISH_SUMMARY_WORDS, formatDuration } from "@/lib/progress/summary";
import { durationText, summaryWords, type DashboardTranslate } from "./summary-words";
import { formatAgo } from "./format";

const translator = (locale: string) => createTranslator({ locale, messages: messagesOf(locale), namespace: "dashboard" }) as unknown as DashboardTranslate;

describe("the dashboard's summary words", () => {
  it("say in English exactly what the summary says by itself", () => {
    const fromMessages = summaryWords(translator("en"));
    const name = ENGLISH_SUMMARY_WORDS.named("Softmax");
    expect(fromMessages.named("Softmax")).toBe(name);
    expect(fromMessages.removed("old")).toBe(ENGLISH_SUMMARY_WORDS.removed("old"));
    expect(fromMessages.started(name)).toBe("Started “Softmax”");
    expect(fromMessages.completed(name)).toBe(ENGLISH_SUMMARY_WORDS.completed(name));
    for (const passed of [true, false]) expect(fromMessages.exerciseRun(name, passed, 3, 4)).toBe(ENGLISH_SUMMARY_WORDS.exerciseRun(name, passed, 3, 4));
    expect(fromMessages.quizTaken(name, "7 / 10")).toBe(ENGLISH_SUMMARY_WORDS.quizTaken(name, "7 / 10"));
    expect(fromMessages.quizTaken(name, null)).toBe(ENGLISH_SUMMARY_WORDS.quizTaken(name, null));
    for (const kind of ["lesson", "exercise", "quiz"] as const) {
      for (const count of [1, 2]) expect(fromMessages.orphans(count, kind)).toBe(ENGLISH_SUMMARY_WORDS.orphans(count, kind));
    }
    for (const seconds of [59, 600, 3600, 3725]) expect(durationText(translator("en"), seconds)).toBe(formatDuration(seconds));
  });

  it("say it in Chinese on a Chinese page", () => {
    const words = summaryWords(translator("zh"));
    expect(words.exerciseRun(words.named("稳定的 softmax"), true, 4, 4)).toBe("通过了练习 “稳定的 softmax”：4 / 4 项测试通过");
    expect(words.orphans(2, "quiz")).toBe("有 2 条记录对应的测验已不在课程中");
    expect(durationText(translator("zh"), 3725)).toBe("1 小时 2 分钟");
  });

  it("dates the dashboard's lines in the page's language", () => {
    const now = Date.UTC(2026, 2, 20, 12, 0, 0);
    expect(formatAgo(now - 3 * 3600_000, now, "zh")).toBe("3小时前");
    expect(formatAgo(Date.UTC(2026, 2, 1), now, "zh")).toBe("2026年3月1日");
  });
});
