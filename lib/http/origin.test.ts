import { describe, expect, it } from "@jest/globals";
import { HttpError } from "./errors";
import { checkOrigin, isAllowedOrigin } from "./origin";

const write = (headers: Record<string, string>, url = "http://127.0.0.1:3000/api/progress/merge") =>
  new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });

describe("the Origin check on writes", () => {
  it("lets the site's own pages write (by request URL, by Host header, or the configured public URL)", () => {
    expect(isAllowedOrigin(write({ origin: "http://127.0.0.1:3000" }), undefined)).toBe(true);
    expect(isAllowedOrigin(write({ origin: "http://academy.local:8080", host: "academy.local:8080" }), undefined)).toBe(true);
    // Behind a TLS proxy the app sees http://localhost:3000 while the browser is on the public URL.
    const proxied = write({ origin: "https://academy.example.org", host: "localhost:3000" }, "http://localhost:3000/api/me");
    expect(isAllowedOrigin(proxied, "https://academy.example.org")).toBe(true);
    expect(isAllowedOrigin(proxied, undefined)).toBe(false);
  });

  it("refuses a page on another port of the same host (same site, so Lax cookies go along), another host and 'null'", () => {
    expect(isAllowedOrigin(write({ origin: "http://127.0.0.1:3001" }), "http://127.0.0.1:3000")).toBe(false);
    expect(isAllowedOrigin(write({ origin: "https://evil.example" }), "http://127.0.0.1:3000")).toBe(false);
    expect(isAllowedOrigin(write({ origin: "null" }), undefined)).toBe(false);
    try {
      checkOrigin(write({ origin: "http://127.0.0.1:3001" }), undefined);
      throw new Error("not refused");
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(403);
      expect((error as HttpError).message).toMatch(/another site/);
    }
  });

  it("without an Origin: a program passes, a browser saying another site or origin built the request does not", () => {
    expect(isAllowedOrigin(write({}), undefined)).toBe(true);
    expect(isAllowedOrigin(write({ "sec-fetch-site": "same-origin" }), undefined)).toBe(true);
    expect(isAllowedOrigin(write({ "sec-fetch-site": "same-site" }), undefined)).toBe(false);
    expect(isAllowedOrigin(write({ "sec-fetch-site": "cross-site" }), undefined)).toBe(false);
  });
});
