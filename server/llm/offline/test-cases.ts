import { unique } from "./text";

/**
 * generateTestCases, offline: trigger queries and scenarios from the plan's own trigger phrases (docs/workflow.md,
 * Validation).
 */
export interface TestCasesInput {
  skillName: string;
  skillDescription: string;
  triggerPhrases: string[];
  negativeTriggers: string[];
  skillCategory: string;
}

export interface FunctionalTest {
  scenario: string;
  input: string;
  expectedBehavior: string;
  successCriteria: string[];
}

export interface TestCases {
  positiveTests: string[];
  negativeTests: string[];
  edgeCases: string[];
  functionalTests: FunctionalTest[];
  totalTests: number;
}

const UNRELATED = [
  "What's the weather today?",
  "Tell me a joke",
  "What is the capital of France?",
  "Translate 'good morning' into Spanish",
  "Recommend a movie for tonight",
];

export function offlineTestCases(input: TestCasesInput): TestCases {
  const triggers = input.triggerPhrases.length ? input.triggerPhrases : [input.skillName.replace(/-/g, " ")];
  const main = triggers[0] ?? input.skillName;
  const positiveTests = unique([
    ...triggers.slice(0, 3),
    ...triggers.slice(0, 3).map((t) => `Can you help me with ${t}?`),
    `I'm stuck with ${main} - where do I start?`,
    `My team needs a repeatable way to do ${main}. What should we follow?`,
  ]).slice(0, 10);
  const negativeTests = unique([...input.negativeTriggers, ...UNRELATED]).slice(0, 10);
  const edgeCases = [
    `${main}`.toUpperCase(),
    `${main} (but I only have a few minutes)`,
    `${main} in a language other than English: ¿cómo empiezo?`,
  ];
  const functionalTests: FunctionalTest[] = triggers.slice(0, 2).map((t) => ({
    scenario: `A user asks for ${t}`,
    input: `Please help me with ${t}.`,
    expectedBehavior: `The agent loads ${input.skillName} and follows its steps for ${t}.`,
    successCriteria: [
      "The skill is selected",
      "The answer follows the skill's steps",
      "The result is checked against the success criteria",
    ],
  }));
  return {
    positiveTests,
    negativeTests,
    edgeCases,
    functionalTests,
    totalTests: positiveTests.length + negativeTests.length + edgeCases.length,
  };
}

/** The reference's fallback (§2.3 step 2): the triggers themselves and five fixed unrelated queries. */
export function fallbackTestCases(input: TestCasesInput): TestCases {
  const positiveTests = input.triggerPhrases.length ? input.triggerPhrases : ["Example trigger query"];
  const negativeTests = [
    "What's the weather today?",
    "Help me with something completely different",
    "Tell me a joke",
    "What is the capital of France?",
    "Simple question",
    ...input.negativeTriggers,
  ];
  const edgeCases = ["An empty request"];
  const functionalTests: FunctionalTest[] = [
    {
      scenario: "Basic use",
      input: positiveTests[0] ?? "",
      expectedBehavior: "The skill is applied",
      successCriteria: ["The skill is selected"],
    },
    {
      scenario: "Unrelated request",
      input: "Tell me a joke",
      expectedBehavior: "The skill is not applied",
      successCriteria: ["The skill is not selected"],
    },
  ];
  return {
    positiveTests,
    negativeTests,
    edgeCases,
    functionalTests,
    totalTests: positiveTests.length + negativeTests.length + edgeCases.length,
  };
}
