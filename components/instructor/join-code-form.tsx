"use client";
import { useRouter } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { BUTTON, ERROR_BOX, FIELD } from "./ui";

/**
 * "Have a join code?": takes the code as typed (any case, with or without the dash) to its join
 * page, which says what the code leads to and lets the learner join. Usable on any page.
 */
export function JoinCodeForm({ compact = false }: { compact?: boolean }) {
  const router = useRouter();
  const t = useTranslations("join.form");
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "")
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "");
    if (code.length !== 8) {
      setError(t("malformed"));
      return;
    }
    setError(null);
    router.push(`/join/${code.slice(0, 4)}-${code.slice(4)}`);
  }
  return (
    <form onSubmit={onSubmit} className={compact ? "flex flex-wrap items-end gap-2" : "space-y-3"} aria-label={t("label")}>
      <label className="block text-sm font-medium">
        {t("code")}
        <input name="code" required autoComplete="off" spellCheck={false} placeholder="K7QX-M3PA" className={`${FIELD} font-mono uppercase tracking-widest sm:w-48`} />
      </label>
      <button type="submit" className={BUTTON}>{t("continue")}</button>
      {error && <p role="alert" className={ERROR_BOX}>{error}</p>}
    </form>
  );
}
