import { words } from "./text";

/**
 * The language the offline engine writes in: French or German when the task is clearly written in it, English
 * otherwise. Counted from function words (short technical tasks such as "writing Helm charts" defeat n-gram
 * detectors, which is why this is not a statistical detector): a language needs at least two of its own and more
 * than English has.
 */
export type ScaffoldLanguage = "en" | "fr" | "de";

const FUNCTION_WORDS: Record<ScaffoldLanguage, Set<string>> = {
  en: new Set(
    "the and for with to of a an how that in on my me our we you your is are this from about when which help write create make skill".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les des de du pour avec une un et est dans sur qui que aux au ce cette ces nos notre vos votre créer rédiger écrire compétence comment faire".split(
      " ",
    ),
  ),
  de: new Set(
    "der die das den dem des und für mit ein eine einen einem zum zur von nach ist nicht auf aus wie erstelle erstellen schreiben schreibe anleitung unsere unser bei".split(
      " ",
    ),
  ),
};

export function scaffoldLanguage(text: string): ScaffoldLanguage {
  const tokens = words(text.slice(0, 5_000));
  const count = (language: ScaffoldLanguage) => tokens.filter((token) => FUNCTION_WORDS[language].has(token)).length;
  const english = count("en");
  const best = (["fr", "de"] as const)
    .map((language) => ({ language, hits: count(language) }))
    .sort((a, b) => b.hits - a.hits)[0];
  return best && best.hits >= 2 && best.hits > english ? best.language : "en";
}
