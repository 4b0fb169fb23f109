import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

/** The join pages render no provider of their own: their client components (join form, join button, my cohorts) read "join". */
export default function JoinLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["join"]}>{children}</ClientMessages>;
}
