"use client";
import { signOut } from "@/components/auth/session-store";
import { useId, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { apiErrorOf, apiMessageFor } from "@/lib/i18n/api-message";
import { clearAllLocalProgress } from "@/components/progress/account-progress";

/**
 * Deleting the account: the learner types their email address to confirm. On success this
 * browser's copies are cleared too and the learner is signed out.
 */
export function DeleteAccountForm({ email }: { email: string }) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  const t = useTranslations("dashboard");
  const locale = useLocale();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/me", {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ confirmEmail: typed }),
      });
      if (!response.ok) {
        // 422: the typed address is not the account's (the server compares it too).
        setError(apiMessageFor(locale, await apiErrorOf(response), t(response.status === 422 ? "deleteMismatch" : "deleteFailed")));
        setBusy(false);
        return;
      }
      clearAllLocalProgress();
      await signOut("/");
    } catch {
      setError(t("deleteUnreachable"));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-3" data-testid="delete-account-form">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {t.rich("deleteConfirmLabel", { email: () => <span className="font-mono">{email}</span> })}
      </label>
      <input
        id={inputId}
        type="email"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        aria-describedby={hintId}
        className="block w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-red-500 dark:border-slate-700 dark:bg-slate-900"
      />
      <p id={hintId} className="text-sm text-slate-600 dark:text-slate-300">
        {t("deleteHint")}
      </p>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={!matches || busy}
        className="rounded-md bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {busy ? t("deleting") : t("deleteButton")}
      </button>
    </form>
  );
}
