import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { BuilderSection } from "./builder-section";

/** `<Builder title?>` in a lesson: the words are looked up here, on the server, so the browser needs no messages (decision 037). */
export async function Builder({ children, title }: { children: ReactNode; title?: string }) {
  const t = await getTranslations("lesson");
  return (
    <BuilderSection title={title ?? t("builderTitle")} trackLabel={t("builderTrack")}>
      {children}
    </BuilderSection>
  );
}
