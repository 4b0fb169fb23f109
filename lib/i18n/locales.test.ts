import { describe, expect, it } from "@jest/globals";
import { isLocale, localizedPath, unlocalizedPath } from "./locales";

describe("locale paths", () => {
  it("keeps English unprefixed and puts Chinese under /zh", () => {
    expect(localizedPath("/learn/transformer/self-attention", "en")).toBe("/learn/transformer/self-attention");
    expect(localizedPath("/learn/transformer/self-attention", "zh")).toBe("/zh/learn/transformer/self-attention");
    expect(localizedPath("/", "zh")).toBe("/zh");
  });

  it("removes a locale prefix and nothing else", () => {
    expect(unlocalizedPath("/zh/dashboard")).toBe("/dashboard");
    expect(unlocalizedPath("/zh")).toBe("/");
    expect(unlocalizedPath("/en/learn")).toBe("/learn");
    expect(unlocalizedPath("/zhongwen")).toBe("/zhongwen");
    expect(unlocalizedPath("/learn")).toBe("/learn");
  });

  it("accepts only the site's locales", () => {
    expect(isLocale("zh")).toBe(true);
    expect(isLocale("zh-CN")).toBe(false);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
