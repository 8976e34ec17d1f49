import fs from "node:fs";
import { percentile } from "../../bench/support/figures";

/**
 * The figures a stress file measured, printed as one table when it ends (docs/stress.md keeps the latest ones).
 * With STRESS_FIGURES=<file> each row is also appended there as a JSON line.
 */
export interface StressFigure {
  name: string;
  value: number;
  unit: string;
}

/** The server's memory as Node splits it (MB), from the probe it loads (support/memory-probe.mjs). */
export interface ServerMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  /** Memory outside the JS heap that JS objects hold: PGlite's WebAssembly memory and Node's buffers. */
  external: number;
  arrayBuffers: number;
}

export class FigureTable {
  private readonly rows: StressFigure[] = [];

  constructor(private readonly title: string) {}

  add(name: string, value: number, unit: string): void {
    const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
    this.rows.push({ name, value: rounded, unit });
  }

  /** p50 and p99 of `samples` (milliseconds) as two rows. */
  latencies(name: string, samples: readonly number[]): void {
    this.add(`${name} p50`, percentile(samples, 50), "ms");
    this.add(`${name} p99`, percentile(samples, 99), "ms");
  }

  /** The server's RSS (read from /proc) and, beside it, how Node splits its memory (the probe's last reading). */
  memory(label: string, server: { rssMb(): number; memory(): ServerMemory }): void {
    this.add(`server RSS ${label}`, server.rssMb(), "MB");
    const split = server.memory();
    this.add("  of which JS heap (used)", split.heapUsed, "MB");
    this.add("  of which external (PGlite's WebAssembly memory, buffers)", split.external, "MB");
  }

  /** The JS heap the server still holds after a full collection (ServerMemory from StressServer.memoryAfterGc). */
  retained(label: string, memory: ServerMemory): void {
    this.add(`server JS heap retained ${label} (after a full GC)`, memory.heapUsed, "MB");
    this.add(`server RSS ${label}, after that GC`, memory.rss, "MB");
  }

  print(): void {
    const width = Math.max(...this.rows.map((row) => row.name.length), 10);
    const lines = this.rows.map((row) => `  ${row.name.padEnd(width)}  ${String(row.value).padStart(10)} ${row.unit}`);
    console.log([`── stress figures: ${this.title} ──`, ...lines].join("\n"));
    const file = process.env.STRESS_FIGURES;
    if (file) for (const row of this.rows) fs.appendFileSync(file, `${JSON.stringify({ file: this.title, ...row })}\n`);
  }
}

/** The processes `pid` started (none when the kernel does not list them). */
function childrenOf(pid: number): number[] {
  const read = (file: string) => fs.readFileSync(file, { encoding: "utf8", flag: "r" });
  try {
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    const lists = tasks.map((task) => read(`/proc/${pid}/task/${task}/children`).trim());
    return lists.flatMap((list) => (list ? list.split(/\s+/).map(Number) : []));
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
}

/**
 * Resident memory (MB) of the server: the `next start` process and any process it started, summed (Linux
 * /proc/<pid>/status VmRSS).
 */
export function serverRssMb(pid: number): number {
  const all = [pid];
  for (let index = 0; index < all.length; index++) all.push(...childrenOf(all[index] ?? pid));
  return all.reduce((sum, each) => sum + rssKb(each), 0) / 1024;
}
