import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type Namespace = "instructor" | "admin" | "join" | "auth";

/**
 * A page's `generateMetadata` whose title is `key` of `namespace` in the page's language:
 * `export const generateMetadata = pageTitle("instructor", "meta.cohorts");`
 */
export function pageTitle(namespace: Namespace, key: string, extra: Omit<Metadata, "title"> = {}) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    return { ...extra, title: (await getTranslations({ locale, namespace }))(key) };
  };
}
