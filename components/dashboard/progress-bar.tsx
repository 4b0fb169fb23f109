/**
 * A labelled progress bar (role="progressbar"), readable by screen readers as "3 of 5 done";
 * `valueText` says it in the page's language.
 */
export function ProgressBar({ done, total, label, valueText, size = "md" }: { done: number; total: number; label: string; valueText?: string; size?: "md" | "lg" }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={valueText ?? `${done} of ${total} done (${percent}%)`}
      className={`w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800 ${size === "lg" ? "h-3" : "h-2"}`}
    >
      <div
        className={`h-full rounded-full ${percent === 100 ? "bg-emerald-500" : "bg-indigo-600 dark:bg-indigo-500"}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
