/** Class names shared by the instructor, admin and join pages (slate neutrals, indigo accent). */
export const CARD = "rounded-xl border border-slate-200 p-5 dark:border-slate-800";
export const FIELD =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 dark:border-slate-700 dark:bg-slate-900";
export const BUTTON = "rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60";
export const BUTTON_QUIET =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900";
export const BUTTON_DANGER =
  "rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950";
export const LINK = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";
export const ERROR_BOX = "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200";
export const OK_BOX = "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100";
