/**
 * What the quality model looks for in a line of text. Each pattern names something a reader can act on
 * (a command, a file, a flag, a number, an API, a quoted message) or something that only sounds like advice
 * (a platitude), or text left over from a template. Patterns are anchored or bounded so a 500-line skill is
 * scanned in well under a millisecond, and never backtrack badly on hostile input.
 */

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

export const RESIDUE: readonly Marker[] = [
  { id: "scaffold marker", pattern: SCAFFOLD },
  { id: "TODO", pattern: /\b(?:TODO|TBD|FIXME|XXX)\b/ },
  { id: "template variable", pattern: /\{\{[^{}\n]{0,80}\}\}|\$\{[A-Z_]{3,40}\}/ },
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
  {
    id: "angle placeholder",
    pattern:
      /<(?:one sentence|one line|short description|resource|thing|something|item|details?|text|content|goal|result|step|topic|your [\w ]{1,30}|insert [\w ]{1,30})>/i,
  },
];

const ANY_RESIDUE = new RegExp(RESIDUE.map((marker) => `(?:${marker.pattern.source})`).join("|"), "i");

/** Residue found in a line: the ids of the patterns that match (one combined test first: most lines have none). */
export function residueIn(text: string): string[] {
  if (!ANY_RESIDUE.test(text)) return [];
  return RESIDUE.filter((marker) => marker.pattern.test(text)).map((marker) => marker.id);
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
