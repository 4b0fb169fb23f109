import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { githubEnabled } from "@/lib/auth/options";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "auth" }))("signUpTitle") };
}
export const dynamic = "force-dynamic"; // GitHub sign-in appears when its env vars are set at run time

export default function Page() {
  return (
    <ClientMessages namespaces={["auth"]}>
      <Suspense>
        <AuthForm mode="sign-up" github={githubEnabled()} />
      </Suspense>
    </ClientMessages>
  );
}
