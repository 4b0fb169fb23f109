"use client";
import { useEffect, useRef, useState } from "react";
import type { Session } from "next-auth";
import { signOut } from "@/components/auth/session-store";
import type { UserMenuLinks } from "./user-menu";

export type Role = "LEARNER" | "INSTRUCTOR" | "ADMIN";

/** The signed-in user's menu: their name and role, and the pages their role may open. */
export function SignedInMenu({ user, links, roleLabels, signOutLabel }: { user: NonNullable<Session["user"]>; links: UserMenuLinks; roleLabels: Record<Role, string>; signOutLabel: string }) {
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
          <span className="block text-xs leading-tight text-slate-500 dark:text-slate-400">{roleLabels[user.role]}</span>
        </span>
      </button>
      {open && (
        // Choosing a link closes the menu (the links are server-rendered, so they carry no handler).
        <div role="menu" onClick={(event) => (event.target as Element).closest("a") && setOpen(false)} className="absolute right-0 z-50 mt-2 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <p className="truncate px-3 py-2 text-xs text-slate-500 dark:text-slate-400">{user.email}</p>
          {links.progress}
          {(user.role === "INSTRUCTOR" || user.role === "ADMIN") && links.cohorts}
          {user.role === "ADMIN" && links.admin}
          {links.account}
          <button
            role="menuitem"
            type="button"
            // The fallback is next-auth's own sign-out page, not a Next.js route: a full page load is meant.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            onClick={() => void signOut("/").catch(() => window.location.assign("/api/auth/signout"))}
            className="block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {signOutLabel}
          </button>
        </div>
      )}
    </div>
  );
}
