/**
 * The reference solution, for signed-in learners, after a confirmation (the server records the
 * view; signed out, it says why it will not send it). Focus moves to the dialog's "Keep trying"
 * and then to the solution's heading, so a keyboard or screen-reader user follows along.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { primaryButton, secondaryButton } from "./styles";
import { useServerMessage, type ServerFailure } from "./use-server-message";

type SolutionStep = "hidden" | "confirm" | "loading" | "shown" | "error";

export function useSolution(id: string) {
  const t = useTranslations("exercise");
  const serverMessage = useServerMessage();
  const [step, setStep] = useState<SolutionStep>("hidden");
  const [solution, setSolution] = useState("");
  // What went wrong (status 0: no answer), worded when shown.
  const [failure, setFailure] = useState<ServerFailure>({ status: 0 });

  const reveal = async () => {
    setStep("loading");
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(id)}/solution`, { method: "POST" });
      const body = (await response.json().catch(() => ({}))) as { solution?: string; error?: string };
      if (!response.ok || typeof body.solution !== "string") {
        setFailure({ status: response.status, message: body.error });
        setStep("error");
        return;
      }
      setSolution(body.solution);
      setStep("shown");
    } catch {
      setFailure({ status: 0 });
      setStep("error");
    }
  };

  const error = serverMessage(failure, { 401: "solutionSignIn" }, t("solutionFailed"));
  return { step, setStep, solution, error, reveal, canAsk: step !== "confirm" && step !== "loading" && step !== "shown" };
}

export function SolutionPanel({ uid, state }: { uid: string; state: ReturnType<typeof useSolution> }) {
  const t = useTranslations("exercise");
  const { step, setStep } = state;
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (step === "confirm") cancelRef.current?.focus();
  }, [step]);

  return (
    <>
      {step === "confirm" && (
        <div
          role="alertdialog"
          aria-labelledby={`${uid}-confirm-title`}
          aria-describedby={`${uid}-confirm-text`}
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/40"
          onKeyDown={(e) => e.key === "Escape" && setStep("hidden")}
        >
          <p id={`${uid}-confirm-title`} className="font-semibold">
            {t("confirmTitle")}
          </p>
          <p id={`${uid}-confirm-text`} className="mt-1 text-sm">
            {t("confirmText")}
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" className={primaryButton} onClick={() => void state.reveal()}>
              {t("confirmShow")}
            </button>
            <button type="button" ref={cancelRef} className={secondaryButton} onClick={() => setStep("hidden")}>
              {t("keepTrying")}
            </button>
          </div>
        </div>
      )}
      {step === "loading" && <p className="mt-3 text-sm text-slate-500">{t("loadingSolution")}</p>}
      {step === "error" && (
        <p className="mt-3 text-sm text-rose-700 dark:text-rose-300" role="alert" data-testid="solution-error">
          {state.error}
        </p>
      )}
    </>
  );
}

/** The solution itself, below the test results; rendered once it has arrived (its heading takes the focus). */
export function SolutionShown({ uid, solution }: { uid: string; solution: string }) {
  const t = useTranslations("exercise");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby={`${uid}-solution`} className="mt-4" data-testid="solution">
      <h4 id={`${uid}-solution`} ref={headingRef} tabIndex={-1} className="font-semibold">
        {t("solutionTitle")}
      </h4>
      <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-900 p-3! font-mono text-xs! leading-relaxed! text-slate-100">{solution}</pre>
    </section>
  );
}
