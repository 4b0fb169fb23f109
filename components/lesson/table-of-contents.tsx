import { useTranslations } from "next-intl";
import type { Heading } from "@/lib/content/headings";

export function TableOfContents({ headings }: { headings: Heading[] }) {
  const t = useTranslations("lesson");
  if (headings.length === 0) return null;
  return (
    <nav aria-label={t("onThisPage")} className="hidden w-56 shrink-0 xl:block">
      <div className="sticky top-14 max-h-[calc(100vh-3.5rem)] overflow-y-auto py-10 text-sm">
        <p className="font-semibold">{t("onThisPage")}</p>
        <ul className="mt-3 space-y-1.5">
          {headings.map((h) => (
            <li key={h.id} className={h.depth === 3 ? "pl-3" : ""}>
              <a href={`#${h.id}`} className="text-slate-600 hover:text-slate-900 hover:underline dark:text-slate-400 dark:hover:text-slate-100">{h.text}</a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
