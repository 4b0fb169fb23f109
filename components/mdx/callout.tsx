import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

const STYLES = {
  note: { label: "calloutNote", box: "border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40", icon: "i" },
  tip: { label: "calloutTip", box: "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40", icon: "✓" },
  warning: { label: "calloutWarning", box: "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40", icon: "!" },
  simplification: {
    label: "calloutSimplification",
    box: "border-fuchsia-300 bg-fuchsia-50 dark:border-fuchsia-800 dark:bg-fuchsia-950/40",
    icon: "≈",
  },
} as const;

export type CalloutType = keyof typeof STYLES;

export function Callout({ type = "note", title, children }: { type?: CalloutType; title?: string; children: ReactNode }) {
  const style = STYLES[type] ?? STYLES.note;
  const t = useTranslations("lesson");
  const label = title ?? t(style.label);
  return (
    <aside className={`my-6 rounded-lg border-l-4 p-4 ${style.box}`} aria-label={label}>
      <p className="mb-1 flex items-center gap-2 text-sm font-semibold">
        <span aria-hidden="true" className="grid h-5 w-5 place-items-center rounded-full bg-current/10 text-xs">{style.icon}</span>
        {label}
      </p>
      <div className="space-y-2 [&_a]:underline">{children}</div>
    </aside>
  );
}
