"use client";
import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/** Client-side context: the session (read from /api/auth/session so pages can stay static). */
export function Providers({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
