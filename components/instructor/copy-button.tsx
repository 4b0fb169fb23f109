"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { BUTTON_QUIET } from "./ui";

/** Copies `text` (made absolute against the page's origin when `absolute`) and says so. */
export function CopyButton({ text, label, absolute = false }: { text: string; label: string; absolute?: boolean }) {
  const t = useTranslations("instructor.invite");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    const value = absolute ? new URL(text, window.location.origin).toString() : text;
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2500);
  }
  return (
    <button type="button" onClick={copy} className={BUTTON_QUIET} aria-live="polite">
      {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : label}
    </button>
  );
}
