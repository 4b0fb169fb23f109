import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

/** The admin page's client components (the role manager) read "admin"; the page renders no provider of its own. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["admin"]}>{children}</ClientMessages>;
}
