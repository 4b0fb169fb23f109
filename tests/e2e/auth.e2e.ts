/** Accounts through the real pages: sign up, sign out, sign in, the rate limit, the demo accounts and roles. */
import { describe, expect, it } from "@jest/globals";
import { signInThroughPage, signUpThroughPage, uniqueEmail } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { baseUrl } from "./support/server";

const chromium = chromiumForFile();

describe("accounts", () => {
  it("signs up a learner, signs out, signs in again and shows their name", async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    const email = uniqueEmail("ana");
    await signUpThroughPage(page, "Ana Lovelace", email, "grace-hopper-cobol-59");
    await expect(page.getByTestId("user-name").textContent()).resolves.toBe("Ana Lovelace");

    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();

    await signInThroughPage(page, email, "grace-hopper-cobol-59");
    await page.getByTestId("user-name").waitFor();
    expect(await page.getByTestId("user-name").textContent()).toBe("Ana Lovelace");
    expect(context.foreignRequests).toEqual([]);
    await context.close();
  });

  it("explains a wrong password, then rate-limits after 5 failures", async () => {
    const context = await chromium.context();
    // Five failures on its own account: well under the per-address limit (20 a minute) that every
    // test shares (all come from 127.0.0.1, and a client-sent X-Forwarded-For is ignored).
    const page = await context.newPage();
    const email = uniqueEmail("limited");
    await signUpThroughPage(page, "Limited Learner", email, "amber-river-compass");
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();

    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong ${i}`);
      const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
      await page.getByRole("button", { name: "Sign in" }).click();
      expect((await answered).status()).toBe(401);
      await page.getByRole("button", { name: "Sign in" }).waitFor(); // the label returns when the form is idle
      expect(await page.getByTestId("auth-error").textContent()).toMatch(/do not match an account/);
    }
    await page.getByLabel("Password").fill("amber-river-compass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(/Too many failed sign-in attempts\. Please wait \d+ seconds/).waitFor();
    expect(page.url()).toContain("/sign-in");
    await context.close();
  });

  it("shows each demo account's role and sends the instructor's cookie httpOnly", async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    await signInThroughPage(page, "instructor@example.com", "instructor-demo-1");
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Cohorts" }).waitFor();
    expect(await page.getByTestId("user-menu").textContent()).toContain("Instructor");
    const session = (await context.cookies()).find((c) => c.name.includes("next-auth.session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    await context.close();
  });

  it("answers a malformed sign-up with 422 and a readable message", async () => {
    const response = await fetch(`${baseUrl()}/api/account`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "", email: "not-an-email", password: "short" }),
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/Enter your name\..*Enter a valid email address\..*at least 12 characters/);
    const notJson = await fetch(`${baseUrl()}/api/account`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
    const notDeclaredJson = await fetch(`${baseUrl()}/api/account`, { method: "POST", body: "{}" });
    expect(notDeclaredJson.status).toBe(415);
  });
});
