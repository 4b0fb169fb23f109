/**
 * CPU time of processes, read from /proc (Linux): what a piece of work costs, whatever the queue
 * for a core on a shared machine adds to its wall-clock time.
 */
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

const CLOCK_TICKS = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;

/** CPU milliseconds (user + system) used so far by each of these processes. */
export function cpuOf(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command name, which is in parentheses and may contain spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000); // utime + stime
    } catch {
      // the process has ended
    }
  }
  return out;
}

/** CPU used between two snapshots: processes seen at the end count from their start if they are new. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, end] of after) ms += end - (before.get(pid) ?? 0);
  return ms;
}

/** A process and all its descendants (tsx runs a script in a node process of its own). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      const kids = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, "utf8").trim();
      if (kids) out.push(...kids.split(/\s+/).map(Number));
    } catch {
      // gone
    }
  }
  return out;
}
