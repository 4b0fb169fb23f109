import { Suspense } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { githubEnabled } from "@/lib/auth/options";
import { AuthForm } from "./auth-form";

/** The sign-in and sign-up pages' content: the form with its messages (Suspense: it reads the query string). */
export function AuthPage({ mode }: { mode: "sign-in" | "sign-up" }) {
  return (
    <ClientMessages namespaces={["auth"]}>
      <Suspense>
        <AuthForm mode={mode} github={githubEnabled()} />
      </Suspense>
    </ClientMessages>
  );
}
