import { ComingSoon } from "./coming-soon";

/** `<Quiz id>` in a lesson. Replaced by the live quiz once quizzes land. */
export function QuizSlot({ id }: { id: string }) {
  return <ComingSoon kind="Quiz" id={id} />;
}
