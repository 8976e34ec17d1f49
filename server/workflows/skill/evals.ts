import type { TestCases } from "./validation/validation-report";

/**
 * Generated test cases kept with the draft in the formats Anthropic's skill-creator reads, so the skill can be
 * evaluated there: `evals/evals.json` ({ skill_name, evals: [{ id, prompt, expected_output, files, expectations }] })
 * from the functional scenarios, and `evals/trigger-evals.json` ([{ query, should_trigger }]) from the positive and
 * negative trigger queries, for description tuning (edge cases are ambiguous by design, so they are left out).
 */
export function skillCreatorEvals(skillName: string, tests: TestCases): string {
  const evals = tests.functionalTests.map((test, index) => ({
    id: index + 1,
    prompt: test.input ? `${test.scenario}\n\n${test.input}` : test.scenario,
    expected_output: test.expectedBehavior,
    files: [] as string[],
    expectations: test.successCriteria,
  }));
  return `${JSON.stringify({ skill_name: skillName, evals }, null, 2)}\n`;
}

export function triggerEvals(tests: TestCases): string {
  const queries = [
    ...tests.positiveTests.map((query) => ({ query, should_trigger: true })),
    ...tests.negativeTests.map((query) => ({ query, should_trigger: false })),
  ];
  return `${JSON.stringify(queries, null, 2)}\n`;
}
