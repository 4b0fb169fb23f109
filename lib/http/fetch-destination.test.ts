/** Which requests may reach an API route, and that proxy.ts answers the others with a clear 403. */
import { describe, expect, it } from "@jest/globals";
import { NextRequest } from "next/server";
import proxy from "@/proxy";
import { apiDestinationAllowed } from "./fetch-destination";

describe("API requests by fetch destination", () => {
  it("the site's fetch() calls, navigations and non-browser clients pass; imports and scripts do not", () => {
    for (const dest of [null, "", "empty", "document"]) expect(apiDestinationAllowed(dest)).toBe(true);
    for (const dest of ["json", "script", "worker", "sharedworker", "style", "image", "iframe"]) expect(apiDestinationAllowed(dest)).toBe(false);
  });

  it("a JSON-module import of /api/me is refused with 403 and a reason; a fetch goes on to the route", async () => {
    const imported = proxy(new NextRequest("http://localhost/api/me", { headers: { "sec-fetch-dest": "json" } }));
    expect(imported.status).toBe(403);
    expect(await imported.json()).toEqual({ error: expect.stringMatching(/cannot be loaded as a script or module/) });
    const fetched = proxy(new NextRequest("http://localhost/api/me", { headers: { "sec-fetch-dest": "empty" } }));
    expect(fetched.headers.get("x-middleware-next")).toBe("1");
  });
});
