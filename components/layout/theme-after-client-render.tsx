"use client";
import { useLayoutEffect } from "react";

/**
 * Applies the saved (or system) theme when the document was rendered in the browser rather than
 * on the server. Next 16 serves a page that calls notFound() as an empty shell and builds it from
 * the RSC payload on the client, where the inline theme script in <head> never runs, so the
 * localized 404 page would always be light. Same rule as themeBootScript (theme-toggle.tsx).
 */
export function ThemeAfterClientRender() {
  useLayoutEffect(() => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem("theme");
    } catch {
      // storage blocked: follow the system
    }
    const dark = saved === "dark" || (saved !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  }, []);
  return null;
}
