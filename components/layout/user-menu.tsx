"use client";
import Link from "next/link";
import { signOut, useSession } from "@/components/auth/session-store";
import { useEffect, useRef, useState } from "react";

const ROLE_KEY = { LEARNER: "roleLearner", INSTRUCTOR: "roleInstructor", ADMIN: "roleAdmin" } as const;

type Label = "signIn" | "signUp" | "signOut" | "menuProgress" | "menuCohorts" | "menuAdmin" | "menuAccount" | (typeof ROLE_KEY)[keyof typeof ROLE_KEY];
type Destination = "signIn" | "signUp" | "dashboard" | "instructor" | "admin" | "account";

/** Words and links (already in the page's language) come from the server header: decision 037. */
export function UserMenu({ labels, hrefs }: { labels: Record<Label, string>; hrefs: Record<Destination, string> }) {
  const { data, status } = useSession();
  const t = (key: Label) => labels[key];
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  if (status === "loading") return <span className="h-9 w-24" aria-hidden="true" />;
  const user = data?.user;
  if (!user) {
    return (
      <div className="flex items-center gap-2">
        <Link href={hrefs.signIn} className="rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
          {t("signIn")}
        </Link>
        <Link href={hrefs.signUp} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700">
          {t("signUp")}
        </Link>
      </div>
    );
  }
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        data-testid="user-menu"
      >
        <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-full bg-indigo-600 text-xs font-bold text-white">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block font-medium leading-tight" data-testid="user-name">{user.name}</span>
          <span className="block text-xs leading-tight text-slate-500 dark:text-slate-400">{t(ROLE_KEY[user.role])}</span>
        </span>
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-50 mt-2 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <p className="truncate px-3 py-2 text-xs text-slate-500 dark:text-slate-400">{user.email}</p>
          <MenuLink href={hrefs.dashboard} onSelect={() => setOpen(false)}>{t("menuProgress")}</MenuLink>
          {(user.role === "INSTRUCTOR" || user.role === "ADMIN") && (
            <MenuLink href={hrefs.instructor} onSelect={() => setOpen(false)}>{t("menuCohorts")}</MenuLink>
          )}
          {user.role === "ADMIN" && <MenuLink href={hrefs.admin} onSelect={() => setOpen(false)}>{t("menuAdmin")}</MenuLink>}
          <MenuLink href={hrefs.account} onSelect={() => setOpen(false)}>{t("menuAccount")}</MenuLink>
          <button
            role="menuitem"
            type="button"
            // The fallback is next-auth's own sign-out page, not a Next.js route: a full page load is meant.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            onClick={() => void signOut("/").catch(() => window.location.assign("/api/auth/signout"))}
            className="block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {t("signOut")}
          </button>
        </div>
      )}
    </div>
  );
}

function MenuLink({ href, children, onSelect }: { href: string; children: React.ReactNode; onSelect: () => void }) {
  return (
    <Link role="menuitem" href={href} onClick={onSelect} className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
      {children}
    </Link>
  );
}
