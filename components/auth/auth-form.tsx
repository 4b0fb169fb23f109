"use client";
import { Link, useRouter } from "@/i18n/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { apiMessageFor } from "@/lib/i18n/api-message";
import { settleAccountLocale } from "@/components/auth/account-locale";
import { currentSession, refreshSession } from "@/components/auth/session-store";
import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { locallyChosenTrack, syncLocalProgress } from "@/components/progress/account-progress";

/** POST /api/account's refusal (lib/http/route.ts): the English sentence, a code, or zod's issues for a 422. */
interface SignUpRefusal {
  error?: string;
  code?: string;
  issues?: { path?: unknown[] }[];
}

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-indigo-500 dark:border-slate-700 dark:bg-slate-900";

const NEXTAUTH_ERRORS: Record<string, string> = {
  CredentialsSignin: "errorCredentials",
  GitHubNoEmail: "errorGitHubNoEmail",
  OAuthSignin: "errorOAuthSignin",
  OAuthCallback: "errorOAuthCallback",
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
  const t = useTranslations("auth");
  const locale = useLocale() as Locale;

  /** Why the server refused the account, in the page's words: by its code, or by the field a 422 names first (decision 041). */
  function signUpRefusal(status: number, body: SignUpRefusal | null): string {
    if (body?.code === "emailTaken") return t("errorEmailTaken");
    const field = body?.issues?.[0]?.path?.[0];
    if (status === 422 && (field === "name" || field === "email" || field === "password")) return t(`errorField.${field}`, { min: PASSWORD_MIN_LENGTH });
    return t("errorCreate");
  }
  const params = useSearchParams();
  const callbackUrl = safeCallback(params.get("callbackUrl"));
  const initialError = params.get("error");
  const nextAuthError = (code: string) => (NEXTAUTH_ERRORS[code] ? t(NEXTAUTH_ERRORS[code]) : code);
  const [error, setError] = useState<string | null>(initialError ? nextAuthError(initialError) : null);
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
          const body = (await response.json().catch(() => null)) as SignUpRefusal | null;
          setError(apiMessageFor(locale, body?.error, signUpRefusal(response.status, body)));
          return;
        }
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(result?.error ? nextAuthError(result.error) : t("errorSignIn"));
        return;
      }
      await mergeLocalProgress(mode === "sign-up");
      const accountLocale = await settleAccountLocale(locale);
      if (accountLocale !== locale) {
        // The account's language differs from this page's: load the destination in it.
        window.location.assign(localizedPath(callbackUrl, accountLocale));
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError(t("errorNetwork"));
    } finally {
      setBusy(false);
    }
  }

  const title = mode === "sign-in" ? t("signInTitle") : t("signUpTitle");
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        {mode === "sign-in" ? t("signInLead") : t("signUpLead")}
      </p>
      <form onSubmit={onSubmit} className="mt-8 space-y-4" noValidate={false}>
        {mode === "sign-up" && (
          <label className="block text-sm font-medium">
            {t("name")}
            <input name="name" autoComplete="name" required maxLength={80} className={FIELD} />
          </label>
        )}
        <label className="block text-sm font-medium">
          {t("email")}
          <input name="email" type="email" autoComplete="email" required className={FIELD} />
        </label>
        <label className="block text-sm font-medium">
          {t("password")}
          <input
            name="password"
            type="password"
            required
            minLength={mode === "sign-up" ? PASSWORD_MIN_LENGTH : undefined}
            autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
            className={FIELD}
          />
          {mode === "sign-up" && <span className="mt-1 block text-xs font-normal text-slate-500 dark:text-slate-400">{t("passwordRule", { min: PASSWORD_MIN_LENGTH })}</span>}
        </label>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="auth-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
          {busy ? t("wait") : title}
        </button>
      </form>
      {github && (
        <button type="button" onClick={() => signIn("github", { callbackUrl })} className="mt-3 w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
          {t("github")}
        </button>
      )}
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-300">
        {mode === "sign-in" ? (
          t.rich("newHere", { link: (chunks) => <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">{chunks}</Link> })
        ) : (
          t.rich("haveAccount", { link: (chunks) => <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">{chunks}</Link> })
        )}
      </p>
    </main>
  );
}
