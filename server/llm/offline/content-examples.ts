import type { ContentContext } from "./content-context";
import { fence } from "./markdown";
import { clip } from "./text";

/**
 * The examples the offline writer includes: the user's own code when the task had some, otherwise a small
 * runnable starting point in the task's language, and a result template in every case.
 */
const STARTERS: Record<string, (ctx: ContentContext) => string> = {
  python: (ctx) =>
    `# Check list for ${ctx.topic}: run it before you hand the work over\nchecks = ${JSON.stringify(ctx.topics.map((t) => `${t} handled`))}\nfor check in checks:\n    print(f"[ ] {check}")`,
  javascript: (ctx) =>
    `// Check list for ${ctx.topic}: run it before you hand the work over\nconst checks = ${JSON.stringify(ctx.topics.map((t) => `${t} handled`))};\nfor (const check of checks) console.log(\`[ ] \${check}\`);`,
  typescript: (ctx) =>
    `// Check list for ${ctx.topic}: run it before you hand the work over\nconst checks: string[] = ${JSON.stringify(ctx.topics.map((t) => `${t} handled`))};\nfor (const check of checks) console.log(\`[ ] \${check}\`);`,
  bash: (ctx) =>
    `# Confirm the tools are available before working on ${ctx.topic}\ncommand -v ${/^[a-z0-9.+-]+$/.test(ctx.tech) ? ctx.tech : "git"} >/dev/null || echo "install ${ctx.tech || "the required tools"} first"\n# Keep a record of each step\necho "$(date -u +%FT%TZ) started: ${ctx.topic.replace(/["$`\\]/g, "")}" >> work-log.txt`,
  sql: (ctx) =>
    `-- Inspect the data before changing anything (${ctx.topic})\nSELECT COUNT(*) AS row_count FROM your_table;\nSELECT * FROM your_table LIMIT 10;`,
};

export function starterExample(ctx: ContentContext): string {
  const user = ctx.facts.codeBlocks[0];
  if (user) return `Starting point from the request:\n\n${fence(clip(user.code, 2000), user.language)}`;
  const starter = STARTERS[ctx.language] ?? STARTERS[ctx.language === "tsx" ? "typescript" : ""];
  if (starter)
    return `A starting point in ${ctx.language}:\n\n${fence(starter(ctx), ctx.language === "tsx" ? "typescript" : ctx.language)}`;
  return `A starting point you can copy into your notes:\n\n${fence(ctx.topics.map((t) => `- ${t}: goal, current state, next action`).join("\n"), "markdown")}`;
}

/** A worked request → response example built from the first trigger phrase. */
export function requestExample(ctx: ContentContext): string {
  const request = ctx.plan.triggerPhrases[0] ?? `help me with ${ctx.topic}`;
  const lines = [
    `Request: "${clip(request, 100)}"`,
    "Response outline:",
    `1. Confirm the goal and the inputs for ${ctx.topic}.`,
    ...ctx.topics.slice(1, 3).map((t, i) => `${i + 2}. Work through ${t}, one change at a time.`),
    `${Math.min(ctx.topics.length, 3) + 1}. Check the result against the Success Criteria.`,
  ];
  return fence(lines.join("\n"), "text");
}

/** A template for the result the user hands over. */
export function resultTemplate(ctx: ContentContext): string {
  const lines = [
    `# ${ctx.title}: result`,
    "",
    "## Goal",
    "<one sentence>",
    "",
    "## What was done",
    ...ctx.topics.map((t) => `- ${t}:`),
    "",
    "## Checks",
    "- [ ] Success criteria met",
    "- [ ] Open questions listed",
  ];
  return fence(lines.join("\n"), "markdown");
}
