import { readBody } from "./body";
import { dialogues } from "./process";
import type { LinkedDoc, QualityContext, QualityInput } from "./types";
import { stemSet, wordsOf } from "./words";

/** Linked docs read per skill and lines read per doc: keeps a huge folder within the time budget. */
const MAX_LINKED_DOCS = 20;
const MAX_LINKED_LINES = 300;

/** Function words of English and of the other languages skills are often written in (French, German, Spanish…). */
const ENGLISH_FUNCTION_WORDS = new Set(
  "the and to of a in is for with that on it as be this are or by from an if you your not each when use".split(" "),
);
const OTHER_FUNCTION_WORDS = new Set(
  "le la les des du un une et est pour avec dans sur que qui au aux der die das und ist mit für von zu ein eine nicht el los las y es para con por una il lo gli di che è een het".split(
    " ",
  ),
);

/**
 * English unless another language's function words outnumber English ones: the word-frequency signals (common
 * words, platitudes, imperatives) are English and would misread other languages. Judged on the instruction lines
 * (already tokenised for the dimensions), the first 100 of them.
 */
export function isMostlyEnglish(lines: readonly string[]): boolean {
  let english = 0;
  let other = 0;
  for (const line of lines.slice(0, 100)) {
    for (const word of wordsOf(line)) {
      if (ENGLISH_FUNCTION_WORDS.has(word)) english++;
      else if (OTHER_FUNCTION_WORDS.has(word)) other++;
    }
  }
  return !(other >= 2 && other > english);
}

const isDoc = (file: string): boolean =>
  /\.(?:md|markdown|txt)$/i.test(file) && file !== "SKILL.md" && !/(?:^|\/)(?:LICENSE|NOTICE)/i.test(file);

/**
 * Markdown files the body points the agent to: by link or path (`references/api.md`), or by naming their folder
 * (`themes/`). Files nobody points to are never read by an agent, so they do not count as instructions.
 */
function pointedTo(body: string, file: string): boolean {
  if (body.includes(file)) return true;
  const dir = file.split("/").slice(0, -1).join("/");
  return dir !== "" && body.includes(`${dir}/`);
}

function linkedDocs(input: QualityInput): LinkedDoc[] {
  if (!input.files) return [];
  const docs: LinkedDoc[] = [];
  for (const [file, text] of [...input.files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (docs.length >= MAX_LINKED_DOCS) break;
    if (text === null || !isDoc(file) || !pointedTo(input.body, file)) continue;
    const head = text.split("\n", MAX_LINKED_LINES).join("\n");
    docs.push({ file, view: readBody(head, 1) });
  }
  return docs;
}

export function qualityContext(input: QualityInput): QualityContext {
  const view = readBody(input.body, input.bodyFirstLine);
  const linked = linkedDocs(input);
  const instructions = [
    ...view.content.map((line) => ({ file: "SKILL.md", line })),
    ...linked.flatMap((doc) => doc.view.content.map((line) => ({ file: doc.file, line }))),
  ];
  const exchanges = [view, ...linked.map((doc) => doc.view)].flatMap(dialogues);
  return {
    input,
    view,
    dialogue: new Set(exchanges.flat()),
    exchanges,
    subject: stemSet(`${input.name.replace(/-/g, " ")} ${input.description}`),
    english: isMostlyEnglish(view.content.map((line) => line.text)),
    linked,
    instructions,
    facts: new Map(),
  };
}
