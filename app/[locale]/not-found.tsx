import { getTranslations } from "next-intl/server";
import { DocumentLink as Link } from "@/components/layout/document-link";
import { ThemeAfterClientRender } from "@/components/layout/theme-after-client-render";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <ThemeAfterClientRender />
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">{t("notFoundBody")}</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link href="/learn" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">{t("notFoundOutline")}</Link>
        <Link href="/" className="rounded-md px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">{t("notFoundHome")}</Link>
      </div>
    </main>
  );
}
