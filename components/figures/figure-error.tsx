import type { ReactNode } from "react";

/** A figure that cannot be shown: an unknown name (server) or a figure that crashed (client). */
export function FigureError({ title, children, inside = false }: { title: string; children: ReactNode; inside?: boolean }) {
  return (
    <div
      data-testid="figure-error"
      className={`not-prose ${inside ? "" : "my-8"} rounded-lg border-2 border-red-600 bg-red-50 p-4 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100`}
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{children}</p>
    </div>
  );
}
