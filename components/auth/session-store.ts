"use client";
/**
 * Who is signed in, for client components: a small store over next-auth's `/api/auth/session`.
 *
 * Why not next-auth/react's SessionProvider: it sits in the root layout, so its ~11 KB (gzip)
 * would be on every lesson page, and lesson pages have a 150 KB first-load budget (see
 * docs/decisions/010-own-session-store.md). The sign-in form still uses next-auth/react's
 * `signIn`: that code loads on the sign-in page only.
 *
 * The session is read once per page load, again after `refreshSession()` (sign-in), and when
 * another tab signs in or out (next-auth announces that in localStorage under "nextauth.message").
 */
import type { Session } from "next-auth";
import { useSyncExternalStore } from "react";

export type SessionState =
  | { status: "loading"; data: null }
  | { status: "authenticated"; data: Session }
  | { status: "unauthenticated"; data: null };

const LOADING: SessionState = { status: "loading", data: null };
const SIGNED_OUT: SessionState = { status: "unauthenticated", data: null };
/** The key next-auth uses to tell other tabs about sign-in and sign-out. */
const BROADCAST_KEY = "nextauth.message";

let state: SessionState = LOADING;
let pending: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

/** Reads the session from the server (one request at a time) and updates every subscriber. */
export function refreshSession(): Promise<void> {
  pending ??= fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
    .then(async (response) => {
      const body = response.ok ? ((await response.json()) as Partial<Session> | null) : null;
      publish(body?.user ? { status: "authenticated", data: body as Session } : SIGNED_OUT);
    })
    // Unreachable server (offline classroom laptop): work as a guest; the local copies keep everything.
    .catch(() => publish(SIGNED_OUT))
    .finally(() => {
      pending = null;
    });
  return pending;
}

function onStorage(event: StorageEvent) {
  if (event.key === BROADCAST_KEY) void refreshSession();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener("storage", onStorage);
  if (state === LOADING && !pending) void refreshSession();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onStorage);
  };
}

/** The session as last read (for code outside React, e.g. right after `refreshSession()`). */
export function currentSession(): SessionState {
  return state;
}

/** The session as `{ status, data }`, like next-auth/react's hook of the same name. */
export function useSession(): SessionState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => LOADING,
  );
}

function announce(event: "session") {
  try {
    window.localStorage.setItem(BROADCAST_KEY, JSON.stringify({ event, data: { trigger: "signout" }, timestamp: Date.now() }));
  } catch {
    // No storage: other tabs find out on their next page load.
  }
}

/** Signs out through next-auth's endpoint (with its CSRF token), then opens `callbackUrl`. */
export async function signOut(callbackUrl = "/"): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  if (!response.ok) throw new Error(`Sign-out failed (HTTP ${response.status}).`);
  announce("session");
  publish(SIGNED_OUT);
  window.location.assign(callbackUrl);
}
