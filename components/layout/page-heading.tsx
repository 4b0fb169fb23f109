import type { ReactNode } from "react";

const LEAD = "mt-2 text-slate-600 dark:text-slate-300";

/** A page's title and the paragraph under it that says what the page is for. */
export function PageHeading({ title, lead, leadClassName }: { title: ReactNode; lead: ReactNode; leadClassName?: string }) {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className={leadClassName ? `${LEAD} ${leadClassName}` : LEAD}>{lead}</p>
    </>
  );
}
