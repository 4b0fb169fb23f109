import { AuthPage } from "@/components/auth/auth-page";
import { pageTitle } from "@/components/instructor/page-title";

export const generateMetadata = pageTitle("auth", "signUpTitle");
export const dynamic = "force-dynamic"; // GitHub sign-in appears when its env vars are set at run time

export default function Page() {
  return <AuthPage mode="sign-up" />;
}
