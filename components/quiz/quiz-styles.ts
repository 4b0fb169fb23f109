/** The quiz's shared Tailwind classes (one place, so the form and its results look alike). */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";
export const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900";
const buttonBase = `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing}`;
export const primaryButton = `${buttonBase} bg-indigo-600 text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-indigo-400 dark:hover:bg-indigo-300 dark:text-slate-950`;
export const secondaryButton = `${buttonBase} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`;
export const inputBase = `rounded-md border border-slate-300 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 ${focusRing}`;
export const legendClass = "mb-3 font-medium";
export const choiceLabel =
  "flex cursor-pointer items-start gap-2 rounded-md p-2 hover:bg-slate-50 has-[:checked]:bg-indigo-50 dark:hover:bg-slate-800 dark:has-[:checked]:bg-indigo-950";
export const choiceInput = `mt-1 h-4 w-4 accent-indigo-600 ${focusRing}`;
/** The small grey line under or above a prompt ("Select all that apply."). */
export const noteClass = "block text-sm font-normal text-slate-600 dark:text-slate-400";
/** A link back to the lesson section that teaches a question. */
export const lessonLink = `mt-2 inline-block text-sm font-medium text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300 ${focusRing}`;
