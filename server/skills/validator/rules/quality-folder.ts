import type { Rule, RuleHit, Severity, SkillContext } from "../types";
import { localLinks, resolveLink, topLevelDirs } from "./helpers";

/**
 * Quality tier, rules about the skill folder around SKILL.md. The specification allows any files and folders, so
 * layout conventions (an examples/ folder, known folder names) are suggestions (info); a link to a missing file
 * is a real problem (warning).
 */

const none: RuleHit[] = [];

const rule = (id: string, severity: Severity, check: Rule["check"]): Rule => ({
  id,
  tier: "quality",
  severity,
  scope: "folder",
  check,
});

export const STANDARD_DIRS = new Set([
  "references",
  "guides",
  "templates",
  "scripts",
  "examples",
  "assets",
  "images",
  "static",
  "evals",
]);
export const LEGACY_DIRS = new Set(["capabilities", "resources", "tests"]);

const isEmptyDir = (ctx: SkillContext, dir: string): boolean =>
  ![...ctx.files.keys(), ...ctx.dirs].some((entry) => entry.startsWith(`${dir}/`));

const subdirectoryEmpty = rule("quality/subdirectory-empty", "info", (ctx) =>
  topLevelDirs(ctx)
    .filter((dir) => STANDARD_DIRS.has(dir) && isEmptyDir(ctx, dir))
    .map((dir) => ({ message: `Empty subdirectory: ${dir}/`, file: `${dir}/` })),
);

const subdirectoryNested = rule("quality/subdirectory-nested", "info", (ctx) =>
  [...ctx.dirs]
    .filter(
      (dir) =>
        dir.split("/").length === 2 && STANDARD_DIRS.has(dir.split("/")[0] ?? "") && !dir.startsWith("examples/"),
    )
    .sort()
    .map((dir) => ({ message: `Nested directory ${dir}/: keep ${dir.split("/")[0]}/ flat`, file: `${dir}/` })),
);

const subdirectoryLegacy = rule("quality/subdirectory-legacy", "info", (ctx) =>
  topLevelDirs(ctx)
    .filter((dir) => LEGACY_DIRS.has(dir))
    .map((dir) => ({
      message: `Legacy subdirectory ${dir}/ is deprecated (use references/, guides/ or scripts/)`,
      file: `${dir}/`,
    })),
);

const subdirectoryUnknown = rule("quality/subdirectory-unknown", "info", (ctx) =>
  topLevelDirs(ctx)
    .filter((dir) => !STANDARD_DIRS.has(dir) && !LEGACY_DIRS.has(dir))
    .map((dir) => ({
      message: `Unknown subdirectory ${dir}/ (expected one of ${[...STANDARD_DIRS].join(", ")})`,
      file: `${dir}/`,
    })),
);

const exampleFiles = (ctx: SkillContext): string[] =>
  [...ctx.files.keys()].filter((file) => /^examples\/[^/]+\.md$/i.test(file) && !/\/readme\.md$/i.test(file)).sort();

const examplesPresent = rule("quality/examples-present", "info", (ctx) =>
  ctx.dirs.has("examples")
    ? none
    : [{ message: "House style: an examples/ folder with a worked example", file: "examples/" }],
);

const exampleMarkdown = rule("quality/example-markdown", "info", (ctx) =>
  ctx.dirs.has("examples") && exampleFiles(ctx).length === 0
    ? [{ message: "No example markdown files found in examples/", file: "examples/" }]
    : none,
);

const exampleCodeBlock = rule("quality/example-code-block", "info", (ctx) =>
  exampleFiles(ctx)
    .filter((file) => !(ctx.files.get(file)?.text ?? "").includes("```"))
    .map((file) => ({ message: `${file} has no fenced code block`, file })),
);

const brokenLink = rule("quality/broken-link", "warning", (ctx) => {
  const view = ctx.skillMd;
  if (!view) return none;
  return localLinks(view.text)
    .filter((link) => {
      const target = resolveLink("SKILL.md", link.target);
      return !ctx.files.has(target) && !ctx.dirs.has(target);
    })
    .map((link) => ({ message: `Link to ${link.target}, which is not in the skill folder`, line: link.line }));
});

export const qualityFolderRules: Rule[] = [
  subdirectoryEmpty,
  subdirectoryNested,
  subdirectoryLegacy,
  subdirectoryUnknown,
  examplesPresent,
  exampleMarkdown,
  exampleCodeBlock,
  brokenLink,
];
