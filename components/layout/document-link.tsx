import type { ComponentProps } from "react";
import { currentLocale } from "@/i18n/server";
import { localizedPath } from "@/i18n/routing";

/**
 * LocaleLink's link as a plain `<a>`, for what every lesson page renders (the header, the sidebar, the
 * lesson's own links, the 404): the reading pages navigate as documents, so next/link's client
 * code (about 4 KB gzip) stays out of their first load (decision 042).
 * Its own module: a module that imports next/link puts next/link's client code into the first
 * load of every page whose layout imports it, rendered or not.
 */
export async function DocumentLink({ href, ...props }: ComponentProps<"a"> & { href: string }) {
  return <a {...props} href={localizedPath(href, await currentLocale())} />;
}
