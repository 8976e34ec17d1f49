/**
 * What the quality model looks for in a line of text. Each pattern names something a reader can act on
 * (a command, a file, a flag, a number, an API, a quoted message) or something that only sounds like advice
 * (a platitude), or text left over from a template. Patterns are anchored or bounded so a 500-line skill is
 * scanned in well under a millisecond, and never backtrack badly on hostile input.
 */

import { isDomainTerm } from "./words";

export interface Marker {
  id: string;
  pattern: RegExp;
}

/** Concrete things in prose: each is something the agent can type, open, compare or look up. */
export const CONCRETE_MARKERS: readonly Marker[] = [
  { id: "inline code", pattern: /`[^`\n]{1,200}`/ },
  {
    id: "file",
    pattern:
      /\w\.(?:md|py|js|mjs|cjs|ts|tsx|jsx|json|ya?ml|toml|sh|sql|csv|tsv|pdf|docx|pptx|xlsx|png|jpe?g|gif|svg|webp|html?|css|txt|ini|env|xml|go|rs|java|rb|php|cs|kt|swift|cpp|lock|zip|ipynb|tf|proto)\b/i,
  },
  { id: "path", pattern: /[\w-]\/[\w.-]+\/|[\w-]\/(?=[\s`),.:]|$)/ },
  { id: "flag", pattern: /(?:^|[\s(])--?[a-zA-Z][\w-]{0,40}(?=[\s=,.)]|$)/ },
  { id: "number", pattern: /(?:^|[^\w#])\d+(?:[.,:]\d+)*(?:\s?(?:%|px|pt|ms|kb|mb|gb|fps|dpi|rem|em|x))?\b/i },
  // Counts spelled out, as process skills write them: "two or three approaches", "one question per message".
  {
    id: "count",
    pattern:
      /\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty)(?:\s+(?:or|to)\s+(?:three|four|five|six|seven|eight|nine|ten|twelve|twenty))?\s+(?!of\b|another\b|ways?\b|things?\b)[a-z]{3,}|\bone\s+(?:[a-z]+\s+)?(?:per|at a time|each)\b|\b(?:at (?:most|least)|more than|fewer than)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/i,
  },
  { id: "hex colour", pattern: /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/ },
  // `fit(`, `page.goto(`; "file(s)" is prose, not a call.
  { id: "API call", pattern: /[A-Za-z_]\((?!s\))/ },
  { id: "quoted text", pattern: /"[^"\n]{2,120}"|“[^”\n]{2,120}”/ },
  { id: "proper name", pattern: /\b[A-Z]{2,}\d*s?\b|\b[A-Z]?[a-z]+[A-Z][A-Za-z]*\b/ },
  { id: "URL", pattern: /https?:\/\/[^\s)]{3,}/ },
];

/** The concrete markers a line of prose carries. */
export function concreteMarkers(text: string): string[] {
  return CONCRETE_MARKERS.filter((marker) => marker.pattern.test(text)).map((marker) => marker.id);
}

/**
 * Markers that show how, not only what: a tool's name alone ("use Prometheus") says what to use; a command, a
 * file, a flag, a number, a call or a quoted message says how.
 */
export const isStrongMarker = (id: string): boolean => id !== "proper name";

/**
 * Words that make a sentence sound expert without saying anything checkable ("a robust, scalable stack that
 * provides deep insights"). A line with one of them and no strong marker is hollow.
 */
const BUZZWORDS =
  /\b(?:robust(?:ly|ness)?|scalab(?:le|ility)|holistic(?:ally)?|leverag(?:e|es|ed|ing)|seamless(?:ly)?|comprehensive|insights?|actionable|empower(?:s|ed|ing|ment)?|intuitive(?:ly)?|streamlin(?:e|es|ed|ing)|meaningful|cutting[- ]edge|world[- ]class|enterprise[- ]grade|mission[- ]critical|best[- ]in[- ]class|state[- ]of[- ]the[- ]art|foster(?:s|ing)?|embrac(?:e|es|ing)|synerg\w*|game[- ]chang\w*|next[- ]level|unlock(?:s|ing)?|elevat(?:e|es|ing)|deep dive|peace of mind|fast[- ]paced|ever[- ]changing)\b/i;

export function isBuzzword(text: string): boolean {
  return BUZZWORDS.test(text);
}

/**
 * Advice that sounds like an instruction but tells the agent nothing it would not do anyway. A line that also
 * carries a concrete marker is not counted as a platitude (see actionability).
 */
export const PLATITUDES: readonly RegExp[] = [
  /\bbest practices?\b/i,
  /\bindustry[- ]standards?\b/i,
  /\b(?:handle|manage|deal with)\s+(?:all\s+|any\s+)?(?:errors?|exceptions?|edge cases?|failures?|issues?)\s+(?:gracefully|properly|appropriately|correctly|carefully)/i,
  /\b(?:gracefully|seamlessly|robustly|effectively|efficiently|appropriately|thoroughly)\b/i,
  /\b(?:as|where|when|if)\s+(?:needed|necessary|appropriate|applicable|required)\b/i,
  /\b(?:make sure|ensure)\s+(?:that\s+)?(?:everything|it|things|all)\b/i,
  /\bensure\s+(?:the\s+)?(?:quality|consistency|correctness|accuracy|success|clarity|completeness|reliability)\b/i,
  /\b(?:high|good|top|best)[- ]quality\b/i,
  /\bmake\s+(?:it|them|things|everything)\s+(?:better|work|faster|cleaner|nicer|good)\b/i,
  /\b(?:clean|maintainable|readable|quality)\s+code\b/i,
  /\bkeep\s+(?:it|things|everything|the \w+)\s+(?:simple|clean|organi[sz]ed|tidy|short)\b/i,
  /\b(?:consider|think about)\s+(?:using\s+)?(?:the\s+)?(?:relevant|appropriate|different|various|other)\b/i,
  /\b(?:relevant|appropriate|necessary|proper|required)\s+(?:information|details|data|steps|tools|changes|settings|context|resources|files)\b/i,
  /\bit(?: i|')s (?:important|essential|crucial|critical|vital|recommended|good practice) to\b/i,
  /\b(?:keep in mind|pay attention to|don'?t forget to|remember to|be careful|be mindful)\b/i,
  /\b(?:various|different|multiple|all relevant)\s+(?:aspects|factors|things|ways|approaches|scenarios|use cases)\b/i,
  /\b(?:all|any)\s+(?:potential|possible)\s+(?:issues|problems|errors|risks)\b/i,
  /\b(?:identify|address|resolve|fix|solve)\s+(?:the\s+|any\s+)?(?:issues|problems|errors)\s*(?:that (?:arise|come up|occur))?[.!]?$/i,
  /\b(?:test|verify|validate|check|review)\s+(?:it|everything|things|your work|the results?|the output)\s*(?:thoroughly|carefully|properly)?[.!]?$/i,
  /\bcheck\s+the\s+\w+[.!]?$/i,
  /\b(?:communicate|document)\s+(?:clearly|effectively|everything)\b/i,
  /\b(?:optimi[sz]e|improve|enhance)\s+(?:the\s+)?(?:performance|quality|results?|efficiency|experience)[.!]?$/i,
  /\b(?:use|apply)\s+(?:common sense|good judge?ment|your judge?ment)\b/i,
  /\bfollow\s+(?:the\s+)?(?:guidelines|conventions|standards|recommendations|instructions)[.!]?$/i,
  /\bleverag(?:e|ing)\b|\bstreamlin(?:e|ing)\b|\bholistic\b|\bsynerg/i,
  /\bstep[- ]by[- ]step\s+(?:approach|process|manner|guide)\b/i,
];

/** One alternation of them all: a single pass over the line instead of one per pattern. */
const ANY_PLATITUDE = new RegExp(PLATITUDES.map((pattern) => `(?:${pattern.source})`).join("|"), "i");

export function isPlatitude(text: string): boolean {
  return ANY_PLATITUDE.test(text);
}

/**
 * Left-over template text: a finished skill has none. The scaffold marker is the offline engine's own
 * "fill this in" (see SCAFFOLD_MARKER); the others are what templates and careless generators leave.
 */
export const SCAFFOLD_MARKER = "FILL IN";
const SCAFFOLD = /\[FILL IN\b[^\]\n]{0,300}\]/;

/**
 * Markers of unfinished text. In prose all of them; in code all but `[Title]`-style slots (see residueIn).
 */
export const RESIDUE: readonly Marker[] = [
  { id: "scaffold marker", pattern: SCAFFOLD },
  { id: "TODO", pattern: /\b(?:TODO|TBD|FIXME|XXX)\b/ },
  {
    id: "bracketed placeholder",
    pattern:
      /\[(?:Title|Name|Description|Summary|Date|Author|Company|Product|Placeholder|Insert [^\]\n]{0,60}|Your [^\]\n]{0,60}|Add [^\]\n]{0,60}|Describe [^\]\n]{0,60})\]/i,
  },
  {
    id: "your_ placeholder",
    pattern:
      /\byour[_-](?:table|project|app|api|file|name|resource|service|database|db|repo|bucket|domain|column|function|module|package|component|endpoint|org|team|cluster|namespace|host|server|path|dir|directory|branch|image|model|topic|query|data|value|variable|class|method|key|token|id)s?\b/i,
  },
  { id: "lorem ipsum", pattern: /\blorem ipsum\b/i },
];

/**
 * Placeholders that are residue only in prose. In code, `{{ .Values.tag }}`, `${{ github.ref }}`, `${HOME}` and
 * `<pattern>` are the syntax of Helm, GitHub Actions, shells and usage lines; in inline code they are quoted, not
 * left over. So these are matched on prose with its inline code taken out, and only in the forms a template
 * leaves: a bare name in braces (`{{column}}`), a shouted variable (`${PROJECT_NAME}`), a description in angle
 * brackets (`<one sentence>`) that is neither part of a file name nor an argument of a command.
 */
const TEMPLATE_VARIABLE = /(?<![$\w])\{\{\s*[A-Za-z_][\w -]{0,60}?\s*\}\}|\$\{[A-Z_]{3,40}\}/;
const ANGLE_PLACEHOLDER =
  /<(?:one sentence|one line|short description|resource|thing|something|item|details?|text|content|goal|result|step|topic|your [\w ]{1,30}|insert [\w ]{1,30})>/i;
const ANGLE_GLOBAL = new RegExp(ANGLE_PLACEHOLDER.source, "gi");
const QUOTED_STRING = /'[^'\n]*'|"[^"\n]*"/g;
/** Inline code spans (single or double backticks): quoted syntax, not prose. */
const INLINE_CODE = /``[^`\n]+``|`[^`\n]+`/g;
/** A command synopsis: a word followed by argument placeholders (`rg <pattern> [path]`, `render <chart> -f x`). */
const SYNOPSIS =
  /^\s*(?:usage|synopsis)\b|(?<![\w./-])[\w./-]{1,80}\s+(?:<[\w -]{1,30}>|\[[\w -]{1,30}\])\s+(?:<|\[|--?\w)/i;

/** An angle placeholder glued to a path or file name (`docs/YYYY-MM-DD-<topic>.md`) is a naming pattern. */
function inFileNamePattern(text: string, index: number, length: number): boolean {
  // After it, a full stop counts only before an extension: "<topic>.md" is a name, "about <topic>." a sentence.
  return /[\w/.-]/.test(text[index - 1] ?? " ") || /^(?:[\w/-]|\.\w)/.test(text.slice(index + length));
}

/**
 * An angle placeholder after a command (`kubectl describe <resource>`, `./run.sh --env <item>`) is its argument:
 * one of the two words before it is a tool's name, a path or a flag, not everyday English ("asks about <topic>").
 */
function isCommandArgument(text: string, index: number): boolean {
  const before = text
    .slice(Math.max(0, index - 60), index)
    .trim()
    .split(/\s+/)
    .slice(-2);
  return before.some((word) => /[./]|^--?\w/.test(word) || isDomainTerm(word.toLowerCase()));
}

function angleResidue(prose: string): boolean {
  if (SYNOPSIS.test(prose)) return false;
  return [...prose.matchAll(ANGLE_GLOBAL)].some(
    (m) => !inFileNamePattern(prose, m.index, m[0].length) && !isCommandArgument(prose, m.index),
  );
}

function proseResidue(text: string): string[] {
  const prose = text.replace(INLINE_CODE, " ");
  const found: string[] = [];
  if (TEMPLATE_VARIABLE.test(prose)) found.push("template variable");
  if (angleResidue(prose)) found.push("angle placeholder");
  return found;
}

/**
 * In prose a TODO is left over when it stands as a marker ("TODO: …", "Owner: TBD", "- FIXME"), and named when
 * it is the subject ("turn each TODO comment into an issue"). In code any TODO outside a string is left over.
 */
const TODO_MARKER = /(?:^|[.!?:>*#[(-])\s*(?:TODO|TBD|FIXME|XXX)\b|\b(?:TODO|TBD|FIXME|XXX)\s*(?:[:)]|-\s|\.?$)/;

function isTodoMarker(text: string, where: "prose" | "code"): boolean {
  return where === "code" ? /\b(?:TODO|TBD|FIXME|XXX)\b/.test(text) : TODO_MARKER.test(text.trim());
}

const ANY_RESIDUE = new RegExp(
  [...RESIDUE.map((marker) => marker.pattern.source), TEMPLATE_VARIABLE.source, ANGLE_PLACEHOLDER.source]
    .map((source) => `(?:${source})`)
    .join("|"),
  "i",
);

/**
 * Residue found in a line: the ids of the patterns that match (one combined test first: most lines have none).
 * `code` is a line of a code block, where only the markers of unfinished text count.
 */
export function residueIn(text: string, where: "prose" | "code" = "prose"): string[] {
  if (!ANY_RESIDUE.test(text)) return [];
  // A TODO quoted in inline code or a string (`rg 'TODO|FIXME'`) is named, as a lint skill names it; not left.
  const unquoted = where === "code" ? text.replace(QUOTED_STRING, " ") : text.replace(INLINE_CODE, " ");
  const found = RESIDUE.filter((marker) =>
    marker.id === "TODO" ? isTodoMarker(unquoted, where) : marker.pattern.test(text),
  );
  const ids = found.map((marker) => marker.id);
  // In a code block, "# [Title]" is a slot of an output template the agent fills each time it uses the skill.
  if (where === "code") return ids.filter((id) => id !== "bracketed placeholder");
  return [...ids, ...proseResidue(text)];
}

/** Does the text contain the offline engine's unfilled-scaffold marker? */
export function hasScaffoldMarker(text: string): boolean {
  return SCAFFOLD.test(text);
}

/** Verbs an instruction starts with ("Run", "Open", "Set", "Pass"), the mark of an executable step. */
const IMPERATIVE =
  /^(?:\*\*[^*]{1,60}\*\*[:.]?\s+)?(?:add|adjust|apply|ask|assign|avoid|build|call|capture|change|check|choose|clone|collect|commit|compare|compute|configure|confirm|connect|convert|copy|count|create|define|delete|deploy|describe|detect|disable|do|download|draw|edit|enable|export|extract|fetch|fill|filter|find|fix|format|freeze|generate|give|grep|group|import|include|inspect|install|keep|label|launch|list|load|log|look|make|mark|measure|merge|move|name|note|open|pair|parse|pass|pick|pin|place|prefer|print|put|query|read|record|reduce|remove|rename|render|replace|report|reproduce|request|reset|resize|restart|retry|return|review|revert|rewrite|run|save|scan|search|select|send|set|show|sort|split|start|state|stop|store|tag|take|test|trace|try|turn|update|upload|use|validate|verify|wait|watch|wrap|write)\b/i;

export function isImperative(text: string): boolean {
  return IMPERATIVE.test(text.trim());
}

/** How descriptions say when to use a skill: shared with the structure check of generation (see the contract). */
export { saysWhenToUse } from "../../../contracts/skill-naming";

/** A clause that says when ("use this when …", "invoke before …"), cut from a description to leave what it does. */
const WHEN_CLAUSE =
  /\b(?:use|invoke|call|load|apply|activate|consult|reach for)\s+(?:this\s+|it\s+)?(?:skill\s+)?(?:(?:only|always|proactively|automatically|first)\s+)?(?:when(?:ever)?|if|before|after|during|while|as soon as)\b[^.:;]*[.:;]?/gi;

export function withoutWhenClauses(description: string): string {
  return description.replace(WHEN_CLAUSE, " ").trim();
}
