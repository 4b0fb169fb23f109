export function ComingSoon({ kind, id }: { kind: "Exercise" | "Quiz"; id: string }) {
  return (
    <div className="my-6 rounded-lg border border-dashed border-slate-300 p-5 text-slate-600 dark:border-slate-700 dark:text-slate-300">
      <p className="font-semibold">{kind} coming soon</p>
      <p className="text-sm">The {kind.toLowerCase()} “{id}” is being written. The rest of the lesson works without it.</p>
    </div>
  );
}
