import { ComingSoon } from "./coming-soon";

/** `<Exercise id>` in a lesson. Replaced by the live exercise card once the exercise engine lands. */
export function ExerciseSlot({ id }: { id: string }) {
  return <ComingSoon kind="Exercise" id={id} />;
}
