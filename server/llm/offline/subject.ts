import { isInjection, plainProse, sentences } from "./text";

/**
 * The subject of a request in a few words, for the skill's name and title: "Create a skill for debugging flaky
 * Playwright tests" → debugging flaky playwright tests; "Help engineers debug Kubernetes pods stuck in …" →
 * debugging kubernetes pods; "Rédiger le compte rendu de la réunion suivant …" → rédiger compte rendu réunion.
 * The request phrasing ("create a skill for", "help engineers", "erstelle einen Skill zum") is peeled off, the
 * phrase ends at the first preposition once it has two words, and an English leading verb becomes its -ing form.
 */

const MAX_WORDS = 4;

/** Request phrasing in front of the subject, peeled off repeatedly (longest forms first). */
const PREAMBLES: RegExp[] = [
  /^(?:then|also|and|so|now|please|ok|okay)[,\s]+/i,
  /^(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:i|we)\s+(?:need|want|would like)\s+/i,
  /^(?:please\s+)?(?:write|create|make|build|generate|draft|design|give me|turn [\w\s]{1,40}? into)\s+(?:me\s+|us\s+)?(?:a|an|the|some)?\s*(?:new\s+|reusable\s+|short\s+)?(?:agent\s+)?(?:skill|guide|assistant|playbook)s?\s*(?:for|that|to|which|about|on|covering)?\s+/i,
  /^(?:a|an|the)\s+(?:new\s+)?(?:skill|guide|playbook)s?\s+(?:for|that|to|which|about|on|covering)\s+/i,
  /^(?:skill|guide)\s*:\s*/i,
  /^(?:help|teach|show|guide|allow|let)s?\s+(?:me|us|you|(?:the\s+|our\s+)?(?:new\s+|junior\s+|senior\s+)?(?:engineers|developers|users|people|teams?|beginners|juniors|newcomers|hires|staff))\s+(?:(?:how\s+)?to\s+|through\s+|with\s+)?/i,
  /^(?:document|explain)s?\s+how\s+(?:to|we|you|i)\s+/i,
  /^how\s+(?:to|do i|do we|can i)\s+/i,
  /^(?:use|using)\s+(?:the\s+)?/i,
  /^(?:créer|crée|écrire|rédige[rz]?)\s+(?:une?|la|le|les)?\s*(?:compétence|skill|guide)\s+(?:pour|sur|qui)\s+/i,
  /^(?:une?|la|le)\s+(?:compétence|skill)\s+(?:pour|sur|qui)\s+/i,
  /^(?:erstelle|erstellen|schreibe|baue)\s+(?:mir\s+|uns\s+)?(?:eine?n?|die|den|das)?\s*(?:skill|anleitung|fähigkeit)\s+(?:für|zum|zur|über|um)\s+/i,
  /^(?:ein|eine)\s+(?:skill|anleitung)\s+(?:für|zum|zur|über)\s+/i,
  /^(?:una?|el|la)\s+(?:habilidad|skill|guía)\s+(?:para|sobre|que)\s+/i,
];

/** Words skipped inside the phrase (articles, possessives) and words that end it once it has two words. */
const SKIP = new Set(
  "a an the some our my your their its this that these those of long short simple basic small large big quick le la les l des du un une d der die das den dem ein eine einen el los las".split(
    " ",
  ),
);
/** Words that cannot name a subject: whatever remains of a vague request ("help me with stuff"). */
const EMPTY = new Set(
  "help stuff thing things something anything skill skills make making work project coding code tool tools task tasks general".split(
    " ",
  ),
);
const ENDS = new Set(
  "for with from to in on at by before after when while so and or but into using via that which who where than as per every each de pour avec sur dans par et ou qui que suivant selon für mit von nach zum zur und oder bei über um im para con y o que por en".split(
    " ",
  ),
);
/** Words that never end a name ("stuck", "safely"): a name is a subject, not a sentence fragment. */
const WEAK_TAIL = new Set("stuck new good better every each safely properly quickly easily well".split(" "));

/** English verbs a request may lead with, and their -ing forms where adding "ing" is not enough. */
const VERBS = new Set(
  "review draft debug tune analyze analyse automate make audit teach write create generate document triage build test find fix run migrate deploy monitor convert summarize summarise clean plan design manage check validate upgrade optimize optimise refactor profile parse extract translate format configure set install secure scale trace benchmark".split(
    " ",
  ),
);
const DOUBLED = new Set(["debug", "plan", "run", "set", "ship", "stop", "map", "scan", "log", "tag"]);

function gerund(word: string): string {
  const base = VERBS.has(word) ? word : word.endsWith("s") && VERBS.has(word.slice(0, -1)) ? word.slice(0, -1) : null;
  if (base === null) return word;
  if (DOUBLED.has(base)) return `${base}${base.slice(-1)}ing`;
  if (base.endsWith("e") && !base.endsWith("ee")) return `${base.slice(0, -1)}ing`;
  return `${base}ing`;
}

/** The sentence that asks for the skill: the one naming a skill or a want, else the first. */
function requestSentence(task: string): string {
  const list = sentences(plainProse(task)).filter((s) => !isInjection(s));
  return list.find((s) => /\b(?:skill|want|need|compétence|fähigkeit)\b/i.test(s)) ?? list[0] ?? "";
}

function peel(sentence: string): string {
  let text = sentence.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const preamble of PREAMBLES) {
      const next = text.replace(preamble, "");
      if (next !== text && next.trim() !== "") {
        text = next.trim();
        changed = true;
      }
    }
  }
  return text;
}

/** The tokens of the request's first clause (up to a comma, colon, semicolon or bracket), tags like [x] removed. */
function clauseTokens(task: string): string[] {
  const clause = peel(requestSentence(task).replace(/\[[^\]]{0,40}\]/g, " ")).split(/[,:;(]/)[0] ?? "";
  return clause
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#.-]+/u)
    .map((token) => token.replace(/^[.-]+|[.-]+$/g, ""))
    .filter((token) => token !== "" && !/claude|anthropic/.test(token));
}

const partsOf = (phrase: string[]): number => phrase.reduce((sum, word) => sum + word.split("-").length, 0);
const isFiller = (word: string): boolean => SKIP.has(word) || /^\p{L}+ly$/u.test(word);

/** The words of the clause up to where the subject ends (a preposition once there are two, or four words). */
function phraseOf(tokens: string[]): string[] {
  const phrase: string[] = [];
  for (const token of tokens) {
    if (ENDS.has(token) && partsOf(phrase) >= 2) break;
    if (isFiller(token) || ENDS.has(token) || phrase.includes(token)) continue;
    phrase.push(phrase.length === 0 ? gerund(token) : token);
    if (partsOf(phrase) >= MAX_WORDS) break;
  }
  return phrase;
}

/** The subject words of a request, at most four, lower-case, in the request's own language; [] when vague. */
export function subjectWords(task: string): string[] {
  const phrase = phraseOf(clauseTokens(task));
  while (phrase.length > 1 && WEAK_TAIL.has(phrase.at(-1) ?? "")) phrase.pop();
  return phrase.every((word) => EMPTY.has(word)) ? [] : phrase;
}
