/**
 * Word lists the offline engine reasons with. Stop words cover English and the most common function words of
 * German, French, Spanish, Portuguese, Italian and Dutch so topics in those languages come out clean.
 */
const STOP = `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
ours out over own same she should so some such than that the their them then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your yours via per
etc eg ie e.g i.e within without across around onto upon toward towards among plus may might must shall let lets
der die das und oder für fur mit ein eine einen einem einer eines ist sind wie was wir ich zu zum zur von im in den dem
des auf aus bei nicht auch als an es sie er kann können soll sollte mein meine
le la les des et ou pour un une du de dans sur avec est sont comment que qui en au aux ce cette mon ma mes je nous
el los las y o para con una unos unas del es son como que en al por mi mis yo su sus lo
o os as um uma para com não em da do das dos no na nos nas e é
il lo gli i e per con una di da che è sono come nel nella
het een en of voor met van is zijn hoe wat in op bij
для на с в и по как из к о от что это или не`
  .split(/\s+/)
  .filter(Boolean);

/** Words that say "make me a skill" without saying about what: excluded from topics, and a sign of vagueness. */
const GENERIC = `skill skills create creating make making write writing build building help helping need needs want
wants please thing things stuff something anything everything somehow some kind sort type lot lots good better best
nice cool new simple basic general generic various misc miscellaneous work working works job jobs task tasks project
projects idea ideas tool tools use using used usage way ways guide guides document documentation agent assistant model
ai claude anthropic able like get getting got give gives go going really actually maybe just also well know learn
teach explain understand able user users people team teams my our me us i'd i'm it's that's one two three first
second third step steps example examples better improve improving stuff-like erstelle erstellen hilfe brauche créer
crée aide besoin crear ayuda necesito quiero fazer ajuda preciso`
  .split(/\s+/)
  .filter(Boolean);

export const STOP_WORDS = new Set(STOP);
export const GENERIC_WORDS = new Set(GENERIC);

/** Technologies: a task naming one is concrete; the value is the code-fence language for examples. */
export const TECH_LANGUAGE: Record<string, string> = {
  python: "python", django: "python", flask: "python", fastapi: "python", pandas: "python", pytest: "python", numpy: "python",
  javascript: "javascript", node: "javascript", "node.js": "javascript", nodejs: "javascript", express: "javascript",
  typescript: "typescript", react: "tsx", "next.js": "typescript", nextjs: "typescript", vue: "typescript", angular: "typescript",
  deno: "typescript", bun: "typescript", vitest: "typescript", jest: "typescript", playwright: "typescript",
  go: "go", golang: "go", rust: "rust", cargo: "rust", java: "java", spring: "java", kotlin: "kotlin", swift: "swift",
  "c#": "csharp", ".net": "csharp", dotnet: "csharp", "c++": "cpp", ruby: "ruby", rails: "ruby", php: "php", laravel: "php",
  sql: "sql", postgresql: "sql", postgres: "sql", mysql: "sql", sqlite: "sql", bigquery: "sql", snowflake: "sql",
  bash: "bash", shell: "bash", zsh: "bash", git: "bash", github: "bash", gitlab: "bash", docker: "bash", kubernetes: "bash",
  k8s: "bash", helm: "bash", linux: "bash", terraform: "hcl", ansible: "yaml", yaml: "yaml", json: "json", graphql: "graphql",
  css: "css", tailwind: "css", html: "html", markdown: "markdown", latex: "latex", r: "r", matlab: "matlab", excel: "text",
  aws: "bash", gcp: "bash", azure: "bash", redis: "bash", kafka: "bash", nginx: "nginx", prisma: "typescript", trpc: "typescript",
  mcp: "json", openapi: "yaml", regex: "text", csv: "text", pdf: "text", docx: "text", xlsx: "text", pptx: "text",
};

/** Category keywords (reference §1.2 categories); a task's category is the one whose words it uses most. */
export const CATEGORY_KEYWORDS: Record<"document_creation" | "workflow_automation" | "mcp_enhancement" | "analysis", string[]> = {
  document_creation: ["document", "docs", "docx", "report", "reports", "slides", "slide", "presentation", "pptx", "spreadsheet", "xlsx",
    "pdf", "letter", "memo", "proposal", "readme", "changelog", "article", "blog", "post", "newsletter", "resume", "cv", "template",
    "format", "formatting", "style", "write-up", "email", "emails", "release", "notes", "documentation", "dokument", "bericht", "rapport"],
  workflow_automation: ["workflow", "workflows", "automate", "automation", "automating", "pipeline", "pipelines", "ci", "cd", "ci/cd",
    "deploy", "deployment", "release", "onboarding", "process", "sprint", "planning", "schedule", "scheduling", "migrate",
    "migration", "backup", "provision", "setup", "install", "triage", "routine", "checklist", "runbook", "steps"],
  mcp_enhancement: ["mcp", "server", "servers", "linear", "notion", "slack", "jira", "sentry", "connector", "integration",
    "integrations", "webhook", "webhooks", "tool-calling"],
  analysis: ["analyze", "analyse", "analysis", "analyzing", "analysing", "review", "reviewing", "reviews", "audit", "auditing",
    "assess", "assessment", "evaluate", "evaluation", "investigate", "diagnose", "debug", "debugging", "profiling", "metrics",
    "data", "dataset", "statistics", "security", "vulnerabilities", "compare", "comparison", "insights", "root", "cause", "logs",
    "analysieren", "analyser", "analizar"],
};

export const MCP_SERVERS = ["linear", "notion", "github", "slack", "jira", "sentry", "gitlab", "confluence", "figma", "postgres"];

export const LEVEL_KEYWORDS: Record<"beginner" | "advanced" | "expert", string[]> = {
  beginner: ["beginner", "beginners", "intro", "introduction", "basics", "newcomer", "newcomers", "junior", "first-time", "novice", "101"],
  advanced: ["advanced", "senior", "deep", "in-depth", "production", "scale", "scaling", "performance", "optimise", "optimize"],
  expert: ["expert", "experts", "internals", "low-level"],
};

/** Words that name a thinking skill rather than a technology (domain "cognitive"). */
export const COGNITIVE_WORDS = ["reasoning", "thinking", "decision", "decisions", "decide", "brainstorm", "brainstorming", "prioritise",
  "prioritize", "prioritization", "planning", "problem-solving", "critical", "strategy", "negotiation", "writing", "feedback"];
