import type { Metadata } from "next";
import { Suspense } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { githubEnabled } from "@/lib/auth/options";

export const metadata: Metadata = { title: "Sign up" };
export const dynamic = "force-dynamic"; // GitHub sign-in appears when its env vars are set at run time

export default function Page() {
  return (
    <Suspense>
      <AuthForm mode="sign-up" github={githubEnabled()} />
    </Suspense>
  );
}
