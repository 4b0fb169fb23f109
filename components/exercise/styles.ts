/** Button styles shared by the exercise card and workspace (slate neutrals, indigo accent, as the site). */
const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";
const base = `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing} disabled:cursor-not-allowed disabled:opacity-60`;

export const primaryButton = `${base} bg-indigo-600 text-white hover:bg-indigo-700 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300`;
export const secondaryButton = `${base} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`;
