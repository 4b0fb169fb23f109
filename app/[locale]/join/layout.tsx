import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

/** The interface messages this audience's client components read (only these namespaces ship). */
export default function JoinLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["join", "instructor"]}>{children}</ClientMessages>;
}
