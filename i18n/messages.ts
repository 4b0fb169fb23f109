/**
 * Interface messages live in messages/<locale>/<namespace>.json (decision 026). The server reads
 * every namespace; a client component receives only the namespaces its page passes to
 * <ClientMessages>, so a lesson page never ships the dashboard's or the other locale's strings.
 */
import type { Locale } from "./routing";

export const NAMESPACES = [
  "common",
  "home",
  "lesson",
  "quiz",
  "exercise",
  "auth",
  "instructor",
  "admin",
  "join",
  "dashboard",
  "capstone",
] as const;
export type Namespace = (typeof NAMESPACES)[number];
export type Messages = Record<string, unknown>;

async function loadNamespace(locale: Locale, namespace: Namespace): Promise<Messages> {
  return (await import(`../messages/${locale}/${namespace}.json`)).default as Messages;
}

/** `{ [namespace]: messages }` for the given namespaces of one locale. */
export async function loadMessages(locale: Locale, namespaces: readonly Namespace[] = NAMESPACES): Promise<Messages> {
  const entries = await Promise.all(namespaces.map(async (ns) => [ns, await loadNamespace(locale, ns)] as const));
  return Object.fromEntries(entries);
}
