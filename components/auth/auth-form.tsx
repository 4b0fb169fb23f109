"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { currentSession, refreshSession } from "@/components/auth/session-store";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { locallyChosenTrack, syncLocalProgress } from "@/components/progress/account-progress";

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-indigo-500 dark:border-slate-700 dark:bg-slate-900";

const NEXTAUTH_ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  GitHubNoEmail: "GitHub did not share an email address; add a public or verified email on GitHub, or sign up with email.",
  OAuthSignin: "Could not start the GitHub sign-in. Try again.",
  OAuthCallback: "GitHub sign-in failed. Try again.",
};

/** Where to go after signing in: only same-site paths (no open redirect). */
function safeCallback(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/dashboard";
}

/**
 * Progress made in this browser before signing in joins the account now, so the next page shows
 * it. A new account also takes the track chosen before signing up. Waits at most 8 s: if the merge
 * is slow or fails, the local copy stays and the next signed-in page merges it.
 */
async function mergeLocalProgress(newAccount: boolean) {
  try {
    // Also updates the header and every other reader of the session on this page.
    await refreshSession();
    const userId = currentSession().data?.user?.id;
    if (!userId) return;
    const merge = syncLocalProgress(userId, { adoptTrack: newAccount ? locallyChosenTrack() : undefined });
    await Promise.race([merge, new Promise((resolve) => setTimeout(resolve, 8000))]);
  } catch {
    // Signed in all the same; the local copy is merged by the next signed-in page.
  }
}

export function AuthForm({ mode, github }: { mode: "sign-in" | "sign-up"; github: boolean }) {
  const router = useRouter();
  const params = useSearchParams();
  const callbackUrl = safeCallback(params.get("callbackUrl"));
  const initialError = params.get("error");
  const [error, setError] = useState<string | null>(initialError ? (NEXTAUTH_ERRORS[initialError] ?? initialError) : null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    try {
      if (mode === "sign-up") {
        const response = await fetch("/api/account", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: form.get("name"), email, password }),
        });
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as { error?: string };
          setError(body.error ?? "Could not create the account. Try again.");
          return;
        }
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(result?.error ? (NEXTAUTH_ERRORS[result.error] ?? result.error) : "Sign-in failed. Try again.");
        return;
      }
      await mergeLocalProgress(mode === "sign-up");
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const title = mode === "sign-in" ? "Sign in" : "Create your account";
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        {mode === "sign-in" ? "Pick up where you left off." : "Your progress, code and quiz results are saved to your account. Anything you did before signing up comes with you."}
      </p>
      <form onSubmit={onSubmit} className="mt-8 space-y-4" noValidate={false}>
        {mode === "sign-up" && (
          <label className="block text-sm font-medium">
            Name
            <input name="name" autoComplete="name" required maxLength={80} className={FIELD} />
          </label>
        )}
        <label className="block text-sm font-medium">
          Email
          <input name="email" type="email" autoComplete="email" required className={FIELD} />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input
            name="password"
            type="password"
            required
            minLength={mode === "sign-up" ? PASSWORD_MIN_LENGTH : undefined}
            autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
            className={FIELD}
          />
          {mode === "sign-up" && <span className="mt-1 block text-xs font-normal text-slate-500 dark:text-slate-400">At least {PASSWORD_MIN_LENGTH} characters, not a common password (a few unrelated words work well).</span>}
        </label>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="auth-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
          {busy ? "Please wait…" : title}
        </button>
      </form>
      {github && (
        <button type="button" onClick={() => signIn("github", { callbackUrl })} className="mt-3 w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
          Continue with GitHub
        </button>
      )}
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-300">
        {mode === "sign-in" ? (
          <>New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">Create an account</Link></>
        ) : (
          <>Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">Sign in</Link></>
        )}
      </p>
    </main>
  );
}
