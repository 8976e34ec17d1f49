/**
 * Invisible and look-alike characters. An agent reads every code point; a person reading the rendered page sees
 * none of these, so text hidden with them is read by one and not the other.
 */

/** Zero-width and other invisible formatting characters (not bidi controls, not tag characters). */
// eslint-disable-next-line no-misleading-character-class -- the class lists invisible characters on purpose
export const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\u2061\u2062\u2063\u2064\u180E\uFEFF\u00AD]/g;
/** Bidirectional embedding, override and isolate controls (Trojan Source). */
export const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** Unicode tag characters: invisible copies of ASCII, used to smuggle instructions. */
export const TAGS = /[\u{E0000}-\u{E007F}]/gu;

/** Decodes tag characters into the ASCII they stand for (U+E0041 → "A"). */
function decodeTags(text: string): string {
  return text.replace(TAGS, (char) => {
    const code = (char.codePointAt(0) ?? 0xe0000) - 0xe0000;
    return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : "";
  });
}

/** What an agent reads: invisible characters removed, tag characters decoded. */
export function visibleToAgent(text: string): string {
  return decodeTags(text).replace(ZERO_WIDTH, "").replace(BIDI, "");
}

/** Emoji and pictographs, between which a zero-width joiner builds one glyph (👩‍💻). */
// eslint-disable-next-line no-misleading-character-class -- modifiers and VS16 are matched one by one on purpose
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F3FB}-\u{1F3FF}\uFE0F]/u;
/** Scripts where ZWJ/ZWNJ are part of correct spelling (Persian, Arabic, Indic, Sinhala). */
const JOINING_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Sinhala}\p{Script=Malayalam}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Oriya}\p{Script=Syriac}]/u;

/** A joiner is legitimate between two pictographs or inside a word of a joining script. */
export function legitimateJoiner(text: string, index: number): boolean {
  const char = text[index];
  if (char !== "\u200D" && char !== "\u200C") return false;
  const before = Array.from(text.slice(Math.max(0, index - 2), index)).pop() ?? "";
  const after = Array.from(text.slice(index + 1, index + 3))[0] ?? "";
  if (PICTOGRAPH.test(before) && PICTOGRAPH.test(after)) return true;
  return JOINING_SCRIPT.test(before) || JOINING_SCRIPT.test(after);
}

/** Indexes of invisible characters that are not a legitimate joiner; a leading BOM is not counted. */
export function suspiciousInvisibles(text: string): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(ZERO_WIDTH)) {
    const index = match.index;
    if (match[0] === "\uFEFF" && index === 0) continue;
    if (match[0] === "\u00AD") continue;
    if (!legitimateJoiner(text, index)) found.push(index);
  }
  return found;
}

const LATIN = /\p{Script=Latin}/u;
const CONFUSABLE = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/** Words that mix Latin letters with Cyrillic/Greek look-alikes (`ѕystem`): a whole Russian or Greek word is fine. */
export function mixedScriptWords(text: string): string[] {
  const words = text.match(/[\p{L}\p{M}]{3,}/gu) ?? [];
  return words.filter((word) => LATIN.test(word) && CONFUSABLE.test(word));
}
