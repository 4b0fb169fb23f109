/** Formatting for the dashboard: plain functions, the same on the server and in the browser. */
import { formatAgo as ago } from "@/lib/time-format";

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", else a date like "12 Mar 2026" (in the page's language). */
export const formatAgo = (at: number, now: number, locale = "en"): string => ago(at, now, 7, locale);
