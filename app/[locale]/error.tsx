"use client";
import { useEffect, useState, type ComponentType } from "react";
import { useParams } from "next/navigation";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

type Props = { error: Error & { digest?: string }; reset: () => void };

/**
 * The error boundary is part of every page's first load, so it stays tiny: next-intl's runtime and
 * the page's words are fetched only when a page has failed (decision 037). Until they arrive
 * (a moment, from the site itself) the alert region is already in place, empty.
 */
export default function ErrorPage(props: Props) {
  const { locale } = useParams<{ locale?: string }>();
  const [View, setView] = useState<ComponentType<Props> | null>(null);
  useEffect(() => console.error(props.error), [props.error]);
  useEffect(() => {
    let cancelled = false;
    import("@/components/layout/error-with-messages")
      .then(({ loadErrorView }) => loadErrorView(isLocale(locale) ? locale : DEFAULT_LOCALE))
      .then((view) => !cancelled && setView(() => view))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [locale]);
  return View ? <View {...props} /> : <main className="mx-auto max-w-xl px-4 py-24 text-center" role="alert" />;
}
