"use client";
import { lazy, Suspense, type ReactNode } from "react";
import { useSession } from "@/components/auth/session-store";
import type { Role } from "./signed-in-menu";

/** Holds the menu's place while the session (or the menu's code) is on its way. */
const placeholder = <span className="h-9 w-24" aria-hidden="true" />;

// The menu itself loads once a session is known: a reader who is not signed in (every lesson
// page's first load, held to 150 KB: decision 042) never downloads it.
// If its code cannot be fetched (the server went away), the header keeps the placeholder rather
// than failing the page: the menu's pages are still reachable from the header's own links.
const SignedInMenu = lazy(() =>
  import("./signed-in-menu")
    .then((m) => ({ default: m.SignedInMenu }))
    .catch(() => ({ default: () => placeholder })),
);

/** The menu's links, rendered by the server header (DocumentLink): this module imports no link code. */
export interface UserMenuLinks {
  signedOut: ReactNode;
  progress: ReactNode;
  cohorts: ReactNode;
  admin: ReactNode;
  account: ReactNode;
}

/**
 * Words and links (already in the page's language) come from the server header, so the header
 * needs neither next-intl nor a second copy of next/link in the browser (decision 037).
 */
export function UserMenu({ links, roleLabels, signOutLabel }: { links: UserMenuLinks; roleLabels: Record<Role, string>; signOutLabel: string }) {
  const { data, status } = useSession();
  if (status === "loading") return placeholder;
  const user = data?.user;
  if (!user) {
    return <div className="flex items-center gap-2">{links.signedOut}</div>;
  }
  return (
    <Suspense fallback={placeholder}>
      <SignedInMenu user={user} links={links} roleLabels={roleLabels} signOutLabel={signOutLabel} />
    </Suspense>
  );
}
