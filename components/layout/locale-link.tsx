import Link from "next/link";
import type { ComponentProps } from "react";
import { currentLocale } from "@/i18n/server";
import { localizedPath } from "@/i18n/routing";

/**
 * A link to a site path (unprefixed, e.g. /learn) in the language of the page, for server
 * components. next/link with the locale prefix added here, instead of next-intl's Link, whose
 * client part would put next-intl's runtime into every page's first load (decision 037).
 */
export async function LocaleLink({ href, ...props }: ComponentProps<typeof Link> & { href: string }) {
  return <Link {...props} href={localizedPath(href, await currentLocale())} />;
}
