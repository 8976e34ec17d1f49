import type { Terminal } from "./terminal";

/** Small interactive building blocks shared by the checkpoint prompts. Each resolves null when stdin has ended. */

export interface Choice<K extends string> {
  key: K;
  label: string;
}

function matchChoice<K extends string>(choices: Choice<K>[], answer: string): K | null {
  const text = answer.toLowerCase();
  const byNumber = /^\d+$/.test(text) ? choices[Number(text) - 1] : undefined;
  if (byNumber) return byNumber.key;
  const byKey = choices.find(
    (c) => c.key === text || c.key.charAt(0) === text || c.label.toLowerCase().startsWith(text),
  );
  return text !== "" && byKey ? byKey.key : null;
}

/** Numbered choices; the answer may be the number, the key, its first letter or the start of the label. */
export async function choose<K extends string>(
  term: Terminal,
  question: string,
  choices: Choice<K>[],
): Promise<K | null> {
  term.print(question);
  choices.forEach((choice, index) => term.print(`  ${index + 1}) ${choice.label}`));
  for (;;) {
    const answer = await term.ask(">");
    if (answer === null) return null;
    const key = matchChoice(choices, answer);
    if (key) return key;
    term.print(`Please answer 1–${choices.length}.`);
  }
}

/** Free text that must not be empty (feedback for a revision). */
export async function askText(term: Terminal, question: string): Promise<string | null> {
  for (;;) {
    const answer = await term.ask(question);
    if (answer === null || answer !== "") return answer;
    term.print("Please type something (or press Ctrl-D to stop).");
  }
}

/** A y/n question; an empty answer takes `fallback`. */
export async function confirm(
  term: Terminal,
  question: string,
  fallback: boolean,
  options: { priority?: boolean } = {},
): Promise<boolean | null> {
  for (;;) {
    const answer = await term.ask(`${question} ${fallback ? "[Y/n]" : "[y/N]"}`, options);
    if (answer === null) return null;
    if (answer === "") return fallback;
    if (/^(y|yes)$/i.test(answer)) return true;
    if (/^(n|no)$/i.test(answer)) return false;
  }
}

/** A bulleted list under a heading, skipped when empty. */
export function printList(term: Terminal, heading: string, items: string[]): void {
  if (items.length === 0) return;
  term.print(heading);
  for (const item of items) term.print(`  - ${item}`);
}
