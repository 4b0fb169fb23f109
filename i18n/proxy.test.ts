/**
 * Locale negotiation through the real proxy (next-intl's middleware with our routing): what a
 * reader's browser is sent to on a first visit, after choosing a language, and on a shared link.
 */
import { describe, expect, it } from "@jest/globals";
import { NextRequest } from "next/server";
import proxy from "../proxy";

function visit(path: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(new URL(path, "http://academy.test"), { headers: { "sec-fetch-dest": "document", ...headers } }));
}
const redirectTarget = (response: Response) => {
  const location = response.headers.get("location");
  return location ? new URL(location).pathname : null;
};
const rewriteTarget = (response: Response) => {
  const rewrite = response.headers.get("x-middleware-rewrite");
  return rewrite ? new URL(rewrite).pathname : null;
};

describe("locale negotiation", () => {
  it("sends a first visit from a Chinese browser to the Chinese page", async () => {
    const response = await visit("/learn/foundations/what-is-ai", { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(redirectTarget(response)).toBe("/zh/learn/foundations/what-is-ai");
  });

  it("serves an English browser the unprefixed English page", async () => {
    const response = await visit("/learn", { "accept-language": "en-US,en;q=0.9" });
    expect(redirectTarget(response)).toBeNull();
    expect(rewriteTarget(response)).toBe("/en/learn");
  });

  it("lets the remembered choice win over the browser's language", async () => {
    const response = await visit("/dashboard", { "accept-language": "zh-CN", cookie: "NEXT_LOCALE=en" });
    expect(redirectTarget(response)).toBeNull();
    expect(rewriteTarget(response)).toBe("/en/dashboard");
    const chinese = await visit("/dashboard", { "accept-language": "en-US", cookie: "NEXT_LOCALE=zh" });
    expect(redirectTarget(chinese)).toBe("/zh/dashboard");
  });

  it("serves a shared /zh link in Chinese whatever the browser, and remembers it", async () => {
    const response = await visit("/zh/learn", { "accept-language": "en-US" });
    expect(redirectTarget(response)).toBeNull();
    expect(rewriteTarget(response) ?? "/zh/learn").toBe("/zh/learn");
    expect(response.headers.get("set-cookie")).toMatch(/NEXT_LOCALE=zh/);
  });

  it("redirects /en/... to the unprefixed English URL and remembers English", async () => {
    const response = await visit("/en/learn", { "accept-language": "zh-CN", cookie: "NEXT_LOCALE=zh" });
    expect(redirectTarget(response)).toBe("/learn");
    expect(response.headers.get("set-cookie")).toMatch(/NEXT_LOCALE=en/);
  });
});
