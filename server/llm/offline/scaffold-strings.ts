import type { ScaffoldLanguage } from "./language";

/**
 * The fixed words of an offline scaffold, in the three languages it writes. Everything else in a scaffold is the
 * user's own words (task, answers, feedback) or the names of related library skills. The "[FILL IN: …]" marker
 * stays the same in every language: it is what the validator recognises as unfinished work.
 */
export interface ScaffoldStrings {
  note: string;
  request: string;
  answers: string;
  rules: string;
  review: string;
  related: string;
  relatedLine: (id: string, shared: string) => string;
  whenToUse: string;
  steps: string;
  concepts: string;
  checklist: string;
  outputFormat: string;
  toolCalls: string;
  example: string;
  pitfalls: string;
  starter: string;
  audience: Record<"beginner" | "intermediate" | "advanced" | "expert", string>;
  fill: {
    step: (topic: string) => string;
    check: (topic: string) => string;
    concept: (topic: string) => string;
    checklistItem: (topic: string) => string;
    output: (topic: string) => string;
    toolCall: (topic: string) => string;
    example: (topic: string) => string;
    pitfall: (topic: string) => string;
    section: (title: string) => string;
  };
}

const EN: ScaffoldStrings = {
  note: "**Scaffold (offline).** Written without a model, from your request: it has the structure and your own words, not the expertise. Replace every place marked FILL IN with real commands, files, numbers and examples, or set `SKILL_FLEET_MODEL=provider:model` and create the skill again. Until then it does not pass validation.",
  request: "The request",
  answers: "Your answers",
  rules: "Rules from the request",
  review: "From your review",
  related: "Related skills in the library",
  relatedLine: (id, shared) =>
    `\`${id}\`: shares ${shared} with this skill. Link to it for what it already covers instead of repeating it.`,
  whenToUse: "When to use",
  steps: "Steps",
  concepts: "Key concepts",
  checklist: "Review checklist",
  outputFormat: "Output format",
  toolCalls: "Tool calls",
  example: "Example",
  pitfalls: "Pitfalls",
  starter: "Starting point from your request:",
  audience: {
    beginner: "Written for beginners: spell out each step.",
    intermediate: "Written for practitioners who know the basics.",
    advanced: "Written for experienced practitioners: edge cases and production detail.",
    expert: "Written for experts: a precise reference, no introductions.",
  },
  fill: {
    step: (t) => `[FILL IN: the first thing to do for ${t}: the exact command, file or setting]`,
    check: (t) => `[FILL IN: how to check ${t} worked: the output, number or error message to look for]`,
    concept: (t) => `[FILL IN: what ${t} means here, in one or two sentences, with the term the tools use]`,
    checklistItem: (t) => `[FILL IN: what to check in ${t}, and how to tell it is wrong]`,
    output: (t) => `[FILL IN: the structure of the result for ${t}: sections, fields, file format]`,
    toolCall: (t) => `[FILL IN: the tool or API call for ${t}, its arguments, and what it returns]`,
    example: (t) =>
      `[FILL IN: one worked example of ${t} from real work: the input, what the agent runs, and the output it should get]`,
    pitfall: (t) => `[FILL IN: a mistake people make with ${t}, the symptom (error message or output) and the fix]`,
    section: (title) => `[FILL IN: what the agent should do about ${title}: the steps, commands and checks]`,
  },
};

const FR: ScaffoldStrings = {
  note: "**Ébauche (hors ligne).** Écrite sans modèle, à partir de votre demande : elle a la structure et vos propres mots, pas l'expertise. Remplacez chaque passage marqué FILL IN par de vraies commandes, fichiers, valeurs et exemples, ou définissez `SKILL_FLEET_MODEL=fournisseur:modèle` et recréez la compétence. D'ici là, elle ne passe pas la validation.",
  request: "La demande",
  answers: "Vos réponses",
  rules: "Règles de la demande",
  review: "Votre relecture",
  related: "Compétences liées dans la bibliothèque",
  relatedLine: (id, shared) =>
    `\`${id}\` : partage ${shared} avec cette compétence. Renvoyez-y pour ce qu'elle couvre déjà au lieu de le répéter.`,
  whenToUse: "Quand l'utiliser",
  steps: "Étapes",
  concepts: "Notions clés",
  checklist: "Liste de contrôle",
  outputFormat: "Format du résultat",
  toolCalls: "Appels d'outils",
  example: "Exemple",
  pitfalls: "Pièges",
  starter: "Point de départ tiré de votre demande :",
  audience: {
    beginner: "Pour des débutants : détaillez chaque étape.",
    intermediate: "Pour des praticiens qui connaissent les bases.",
    advanced: "Pour des praticiens expérimentés : cas limites et détails de production.",
    expert: "Pour des experts : une référence précise, sans introduction.",
  },
  fill: {
    step: (t) => `[FILL IN: la première chose à faire pour ${t} : la commande, le fichier ou le réglage exact]`,
    check: (t) =>
      `[FILL IN: comment vérifier que ${t} a fonctionné : la sortie, la valeur ou le message d'erreur à surveiller]`,
    concept: (t) => `[FILL IN: ce que ${t} veut dire ici, en une ou deux phrases, avec le terme des outils]`,
    checklistItem: (t) => `[FILL IN: ce qu'il faut vérifier dans ${t}, et comment repérer une erreur]`,
    output: (t) => `[FILL IN: la structure du résultat pour ${t} : sections, champs, format de fichier]`,
    toolCall: (t) => `[FILL IN: l'outil ou l'appel d'API pour ${t}, ses arguments et ce qu'il renvoie]`,
    example: (t) => `[FILL IN: un exemple réel de ${t} : l'entrée, ce que l'agent exécute et le résultat attendu]`,
    pitfall: (t) => `[FILL IN: une erreur fréquente avec ${t}, le symptôme (message ou sortie) et la correction]`,
    section: (title) => `[FILL IN: ce que l'agent doit faire pour ${title} : étapes, commandes et vérifications]`,
  },
};

const DE: ScaffoldStrings = {
  note: "**Gerüst (offline).** Ohne Modell aus Ihrer Anfrage geschrieben: Es enthält die Struktur und Ihre eigenen Worte, nicht das Fachwissen. Ersetzen Sie jede mit FILL IN markierte Stelle durch echte Befehle, Dateien, Werte und Beispiele, oder setzen Sie `SKILL_FLEET_MODEL=anbieter:modell` und erstellen Sie den Skill neu. Bis dahin besteht er die Prüfung nicht.",
  request: "Die Anfrage",
  answers: "Ihre Antworten",
  rules: "Regeln aus der Anfrage",
  review: "Aus Ihrer Durchsicht",
  related: "Verwandte Skills in der Bibliothek",
  relatedLine: (id, shared) =>
    `\`${id}\`: teilt ${shared} mit diesem Skill. Verweisen Sie für das, was er schon abdeckt, darauf, statt es zu wiederholen.`,
  whenToUse: "Wann verwenden",
  steps: "Schritte",
  concepts: "Grundbegriffe",
  checklist: "Prüfliste",
  outputFormat: "Ergebnisformat",
  toolCalls: "Werkzeugaufrufe",
  example: "Beispiel",
  pitfalls: "Fallstricke",
  starter: "Ausgangspunkt aus Ihrer Anfrage:",
  audience: {
    beginner: "Für Einsteiger: jeden Schritt ausführlich erklären.",
    intermediate: "Für Praktiker, die die Grundlagen kennen.",
    advanced: "Für erfahrene Praktiker: Grenzfälle und Details für den Produktivbetrieb.",
    expert: "Für Experten: eine präzise Referenz ohne Einführung.",
  },
  fill: {
    step: (t) => `[FILL IN: der erste Schritt für ${t}: der genaue Befehl, die Datei oder die Einstellung]`,
    check: (t) => `[FILL IN: wie man prüft, dass ${t} funktioniert hat: die Ausgabe, der Wert oder die Fehlermeldung]`,
    concept: (t) => `[FILL IN: was ${t} hier bedeutet, in ein bis zwei Sätzen, mit dem Begriff der Werkzeuge]`,
    checklistItem: (t) => `[FILL IN: was bei ${t} zu prüfen ist und woran man einen Fehler erkennt]`,
    output: (t) => `[FILL IN: der Aufbau des Ergebnisses für ${t}: Abschnitte, Felder, Dateiformat]`,
    toolCall: (t) => `[FILL IN: das Werkzeug oder der API-Aufruf für ${t}, seine Argumente und die Rückgabe]`,
    example: (t) =>
      `[FILL IN: ein echtes Beispiel für ${t}: die Eingabe, was der Agent ausführt und das erwartete Ergebnis]`,
    pitfall: (t) => `[FILL IN: ein häufiger Fehler bei ${t}, das Symptom (Meldung oder Ausgabe) und die Lösung]`,
    section: (title) => `[FILL IN: was der Agent zu ${title} tun soll: Schritte, Befehle und Prüfungen]`,
  },
};

export const SCAFFOLD_STRINGS: Record<ScaffoldLanguage, ScaffoldStrings> = { en: EN, fr: FR, de: DE };
