import type { ReactNode } from "react";

// The document (<html lang>, header, footer) is rendered by app/[locale]/layout.tsx, which knows
// the locale; this root only exists so app/not-found.tsx has a layout above it.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
