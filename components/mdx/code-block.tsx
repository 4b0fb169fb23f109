import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";

/**
 * A fenced code block in a lesson or an exercise brief. Long lines scroll sideways, and a region
 * that scrolls must be reachable from the keyboard to be read (WCAG 2.1.1): so it is a tab stop,
 * named as a region so a screen reader says what the stop is.
 */
export function CodeBlock(props: ComponentProps<"pre">) {
  const t = useTranslations("lesson");
  return <pre {...props} tabIndex={0} role="region" aria-label={t("codeBlock")} />;
}
