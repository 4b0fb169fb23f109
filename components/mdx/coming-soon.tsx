import { useTranslations } from "next-intl";

export function ComingSoon({ kind, id }: { kind: "Exercise" | "Quiz"; id: string }) {
  const t = useTranslations("lesson");
  return (
    <div className="my-6 rounded-lg border border-dashed border-slate-300 p-5 text-slate-600 dark:border-slate-700 dark:text-slate-300">
      <p className="font-semibold">{t(kind === "Quiz" ? "comingSoonQuiz" : "comingSoonExercise")}</p>
      <p className="text-sm">{t(kind === "Quiz" ? "comingSoonQuizBody" : "comingSoonExerciseBody", { id })}</p>
    </div>
  );
}
