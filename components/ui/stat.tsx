/**
 * One figure of a `<dl>`: its label over its value (whose `data-testid` is `testId`). `mono`
 * sets the value in a fixed-width font, for figures that keep changing (a training run's).
 */
export function Stat({ label, value, testId, mono = false }: { label: string; value: string; testId: string; mono?: boolean }) {
  return (
    <div>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={mono ? "font-mono" : "font-semibold"} data-testid={testId}>{value}</dd>
    </div>
  );
}
