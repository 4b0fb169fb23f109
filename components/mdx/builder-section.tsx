"use client";
import { useEffect, useState, type ReactNode } from "react";
import { useTrack } from "@/components/progress/use-track";

/** A builder-track section: open for builders, collapsed (one click away) for the concept track. Its words come from <Builder> on the server. */
export function BuilderSection({ children, title, trackLabel }: { children: ReactNode; title: string; trackLabel: string }) {
  const track = useTrack();
  const [open, setOpen] = useState(true);
  useEffect(() => setOpen(track !== "CONCEPT"), [track]);
  return (
    <details
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
      className="my-6 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4 dark:border-indigo-900 dark:bg-indigo-950/20"
    >
      <summary className="cursor-pointer font-semibold text-indigo-800 dark:text-indigo-300">
        {title} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{trackLabel}</span>
      </summary>
      <div className="prose-lesson mt-4">{children}</div>
    </details>
  );
}
