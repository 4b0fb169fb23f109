import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";

/**
 * A fenced code block in a lesson or an exercise brief. Long lines scroll sideways, and a region
 * that scrolls must be reachable from the keyboard to be read (WCAG 2.1.1): so it is a tab stop,
 * a named group so a screen reader says what the stop is. A group, not a region: regions are
 * landmarks, and a lesson's ten code blocks would be ten landmarks of the same name.
 */
export function CodeBlock(props: ComponentProps<"pre">) {
  const t = useTranslations("lesson");
  return <pre {...props} tabIndex={0} role="group" aria-label={t("codeBlock")} />;
}
