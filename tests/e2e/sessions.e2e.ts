/**
 * Sign-in and sessions against the production server (scripts/serve.ts in front of the build),
 * over plain HTTP the way a browser or an attacker's script talks to it:
 * - a client-sent X-Forwarded-For does not buy fresh tries (TRUSTED_PROXIES defaults to 0);
 * - a session cookie copied before sign-out no longer answers /api/me after it;
 * - a cookie-authenticated write from a page on another port is refused (Origin check), and a
 *   text/plain form post too (content-type check);
 * - static chunks are served with nosniff;
 * - a site whose public URL is https sets Secure cookies and redirects to that URL.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import type { ChildProcess } from "node:child_process";
import { baseUrl, startProductionServer, waitForHttp } from "./support/server";
import { signInOverHttp, signOutOverHttp, signUpOverHttp } from "../support/next-auth-http";
import { uniqueEmail } from "./support/browser";

const PASSWORD = "saffron-glacier-tandem-8";

async function newAccount(tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  await signUpOverHttp(baseUrl(), "Session Tester", email, PASSWORD);
  return email;
}

const me = (cookie: string) => fetch(`${baseUrl()}/api/me`, { headers: { cookie } });

describe("sign-in that holds", () => {
  it("a changed X-Forwarded-For does not get past the limit: the address is the socket's", async () => {
    const email = await newAccount("spoof");
    for (let i = 1; i <= 5; i++) {
      const attempt = await signInOverHttp(baseUrl(), email, `wrong guess ${i}`, { "x-forwarded-for": `198.51.100.${i}` });
      expect(attempt.error).toBe("That email and password do not match an account.");
    }
    // Before the fix, a new last entry was a new address with five fresh tries.
    const spoofed = await signInOverHttp(baseUrl(), email, PASSWORD, { "x-forwarded-for": "203.0.113.99" });
    expect(spoofed.error).toMatch(/^Too many failed sign-in attempts\. Please wait \d+ seconds/);
    expect((await me(spoofed.cookie)).status).toBe(401);
  });

  it("sign-out ends the session: a copy of the cookie taken before it no longer answers /api/me", async () => {
    const email = await newAccount("copy");
    const session = await signInOverHttp(baseUrl(), email, PASSWORD);
    expect(session.error).toBeNull();
    const copied = session.cookie;
    const before = await me(copied);
    expect(before.status).toBe(200);
    expect(((await before.json()) as { user: { email: string } }).user.email).toBe(email);

    await signOutOverHttp(baseUrl(), session);

    const after = await me(copied);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: string }).error).toBe("Please sign in to do this.");
    // Signing in again works.
    expect((await me((await signInOverHttp(baseUrl(), email, PASSWORD)).cookie)).status).toBe(200);
  });
});

describe("writes from elsewhere", () => {
  it("a signed-in learner's cookie on a write from another port is refused (403); from the site itself it is recorded", async () => {
    const email = await newAccount("csrf");
    const { cookie } = await signInOverHttp(baseUrl(), email, PASSWORD);
    const site = new URL(baseUrl());
    const otherPort = `${site.protocol}//${site.hostname}:${Number(site.port) + 1}`;
    const report = (headers: Record<string, string>, body = JSON.stringify({ complete: true })) =>
      fetch(`${baseUrl()}/api/progress/lessons/what-is-ai`, { method: "POST", headers: { cookie, ...headers }, body });

    const forged = await report({ "content-type": "application/json", origin: otherPort, "sec-fetch-site": "same-site" });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: string }).error).toMatch(/another site/);
    const form = await report({ "content-type": "text/plain", origin: otherPort });
    expect(form.status).toBe(415);
    const progress = await fetch(`${baseUrl()}/api/progress`, { headers: { cookie } });
    expect(JSON.stringify(await progress.json())).not.toContain("what-is-ai");

    const own = await report({ "content-type": "application/json", origin: site.origin, "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { lesson: { status: string } }).lesson.status).toBe("complete");
  });
});

describe("headers", () => {
  it("static chunks are served with nosniff", async () => {
    const html = await (await fetch(`${baseUrl()}/`)).text();
    const chunk = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(chunk).toBeDefined();
    const response = await fetch(`${baseUrl()}${chunk}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("a site served over https (NEXTAUTH_URL https://...)", () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  it("sets Secure cookies and sends the browser to the configured public URL", async () => {
    const port = Number(new URL(baseUrl()).port) + 50;
    const publicUrl = `https://academy.example.test:${port}`;
    server = startProductionServer(port, { NEXTAUTH_URL: publicUrl });
    const local = `http://127.0.0.1:${port}`;
    await waitForHttp(`${local}/api/health`, 120_000, server);

    const session = await signInOverHttp(local, "learner@example.com", "learner-demo-1");
    expect(session.error).toBeNull();
    const sessionCookie = session.setCookies.find((c) => c.includes("session-token="));
    expect(sessionCookie).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(sessionCookie).toMatch(/;\s*Secure/i);
    expect(sessionCookie).toMatch(/;\s*HttpOnly/i);
    expect(new URL(session.url).origin).toBe(publicUrl);
  }, 180_000);
});
