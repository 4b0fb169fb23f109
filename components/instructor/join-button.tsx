"use client";
import { Link } from "@/i18n/navigation";
import { useRouter } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { sendJson } from "./send-json";
import { useApiError } from "./use-api-error";
import { BUTTON, ERROR_BOX, OK_BOX } from "./ui";

/** Joins the cohort with `code` (a POST: following a link never joins by itself). */
export function JoinButton({ code, cohortName }: { code: string; cohortName: string }) {
  const router = useRouter();
  const t = useTranslations("join.code");
  const apiError = useApiError("join");
  const [state, setState] = useState<{ kind: "idle" | "busy" } | { kind: "joined" } | { kind: "error"; text: string }>({ kind: "idle" });
  if (state.kind === "joined") {
    return (
      <div role="status" className={OK_BOX} data-testid="join-success">
        {t.rich("joined", { name: cohortName, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
        <Link href="/learn" className="font-medium underline">{t("goToCourse")}</Link>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <button
        type="button"
        className={BUTTON}
        disabled={state.kind === "busy"}
        onClick={async () => {
          setState({ kind: "busy" });
          const result = await sendJson("/api/cohorts/join", "POST", { code });
          if (!result.ok) return setState({ kind: "error", text: apiError(result) });
          setState({ kind: "joined" });
          router.refresh();
        }}
      >
        {state.kind === "busy" ? t("joining") : t("join", { name: cohortName })}
      </button>
      {state.kind === "error" && <p role="alert" className={ERROR_BOX}>{state.text}</p>}
    </div>
  );
}
