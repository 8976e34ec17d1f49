import fs from "node:fs/promises";
import path from "node:path";

/** AUC and folder discovery for the calibration tool (kept apart so tests can use them too). */

/**
 * The probability that a randomly chosen good skill scores higher than a randomly chosen filler skill (ties count
 * half): 1 = perfect separation, 0.5 = no better than chance. Null when either side is empty.
 */
export function auc(good: number[], filler: number[]): number | null {
  if (good.length === 0 || filler.length === 0) return null;
  let wins = 0;
  for (const g of good) for (const f of filler) wins += g > f ? 1 : g === f ? 0.5 : 0;
  return wins / (good.length * filler.length);
}

/** A skill folder itself, or the skill folders directly inside a folder of skills, sorted by name. */
export async function skillFolders(target: string): Promise<string[]> {
  const absolute = path.resolve(target);
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat?.isDirectory()) throw new Error(`not a folder: ${target}`);
  if (await exists(path.join(absolute, "SKILL.md"))) return [absolute];
  const entries = await fs.readdir(absolute, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => path.join(absolute, e.name));
  const skills = [];
  for (const folder of folders.sort()) if (await exists(path.join(folder, "SKILL.md"))) skills.push(folder);
  return skills;
}

async function exists(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => null)) !== null;
}
