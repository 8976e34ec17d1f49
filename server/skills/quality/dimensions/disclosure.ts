import { clamp01, dimension } from "../evidence";
import type { DimensionScore, Evidence, QualityContext } from "../types";

/**
 * Progressive disclosure: SKILL.md is loaded whole when the skill triggers, the rest only when SKILL.md sends
 * the agent there. So the body should stay within budget (500 lines, about 5,000 words), a long body should
 * move detail out to files, and every bundled file should be reachable: named or linked from SKILL.md (a file
 * nobody points to is never read), and one level deep (a reference that sends the agent on to another).
 */

const MAX_LINES = 500;
const MAX_WORDS = 5000;
const LONG_WITHOUT_FILES = 300;
/** Tooling files an agent never reads, and folders no agent client opens on its own. */
const IGNORED = /^(?:LICENSE|NOTICE|README|CHANGELOG|metadata\.json|evals\/|\.)/i;

function bodyBudget(ctx: QualityContext, lost: Evidence[]): number {
  const lines = ctx.input.skillMdLines;
  const words = ctx.input.body.split(/\s+/).filter(Boolean).length;
  let cost = 0;
  if (lines > MAX_LINES) {
    cost += Math.min(0.6, ((lines - MAX_LINES) / MAX_LINES) * 0.6 + 0.1);
    lost.push({
      effect: "-",
      line: MAX_LINES + 1,
      quote: `${lines} lines`,
      note: `SKILL.md is over ${MAX_LINES} lines`,
    });
  }
  if (words > MAX_WORDS) {
    cost += 0.1;
    lost.push({ effect: "-", quote: `${words} words`, note: `the body is over ${MAX_WORDS} words` });
  }
  return cost;
}

/** A bundled file is reachable when SKILL.md names it or one of its folders. */
function reachable(body: string, file: string): boolean {
  if (body.includes(file)) return true;
  const parts = file.split("/");
  for (let depth = parts.length - 1; depth >= 1; depth--)
    if (body.includes(`${parts.slice(0, depth).join("/")}/`)) return true;
  // Code may name a module rather than its path (`from core.gif_builder import …`).
  const base = (parts.at(-1) ?? file).replace(/\.[^.]+$/, "");
  return base.length >= 4 && body.includes(base);
}

function unreachableFiles(ctx: QualityContext): string[] {
  const files = ctx.input.files;
  if (!files) return [];
  return [...files.keys()].filter(
    (file) => file !== "SKILL.md" && !IGNORED.test(file) && !reachable(ctx.input.body, file),
  );
}

function folderCost(ctx: QualityContext, lost: Evidence[], earned: Evidence[]): number {
  const unreachable = unreachableFiles(ctx);
  for (const file of unreachable.slice(0, 3))
    lost.push({ effect: "-", file, quote: file, note: "no line of SKILL.md leads the agent to this file" });
  for (const doc of ctx.linked.slice(0, 3))
    earned.push({ effect: "+", file: doc.file, quote: doc.file, note: "detail kept out of SKILL.md, linked from it" });
  const bundled = ctx.input.files ? [...ctx.input.files.keys()].filter((file) => !IGNORED.test(file)).length - 1 : 0;
  let cost = Math.min(0.3, 0.1 * unreachable.length);
  if (ctx.input.skillMdLines > LONG_WITHOUT_FILES && bundled <= 0 && ctx.input.files) {
    cost += 0.2;
    lost.push({
      effect: "-",
      quote: `${ctx.input.skillMdLines} lines`,
      note: "a long SKILL.md with no reference files",
    });
  }
  return cost;
}

export function progressiveDisclosure(ctx: QualityContext): DimensionScore {
  const lost: Evidence[] = [];
  const earned: Evidence[] = [];
  const cost = bodyBudget(ctx, lost) + folderCost(ctx, lost, earned);
  const files = ctx.input.files
    ? `${ctx.linked.length} linked docs, ${unreachableFiles(ctx).length} unreachable files`
    : "SKILL.md alone";
  const summary = `SKILL.md has ${ctx.input.skillMdLines} lines; ${files}`;
  return dimension("progressiveDisclosure", clamp01(1 - cost), summary, { earned, lost });
}
