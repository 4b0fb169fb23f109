"use client";
import { useId, useState, type ReactNode } from "react";

/** A glossary term: its definition appears on hover and on keyboard focus (and is read by screen readers). */
export function Term({ def, children }: { def: string; children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="relative inline-block">
      <button
        type="button"
        aria-describedby={id}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        className="cursor-help border-b border-dotted border-current font-medium"
      >
        {children}
      </button>
      <span
        id={id}
        role="tooltip"
        className={`absolute bottom-full left-1/2 z-30 mb-2 w-64 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-2 text-sm font-normal leading-snug text-white shadow-lg dark:bg-slate-100 dark:text-slate-900 ${open ? "" : "sr-only"}`}
      >
        {def}
      </span>
    </span>
  );
}
