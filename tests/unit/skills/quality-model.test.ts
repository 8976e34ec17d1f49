import { describe, expect, it } from "vitest";
import { assessQuality } from "@/server/skills/quality/model";
import type { DimensionId, QualityInput } from "@/server/skills/quality/types";

/**
 * The content-quality model, one dimension at a time: each has a failing and a passing case, and each verdict
 * comes with evidence (the quoted line, where it is, and why it counts).
 */

const GOOD_DESCRIPTION =
  "Finds why a test is flaky: reproduces it with vitest --repeat or pytest-repeat, then fixes the cause. Use when CI fails intermittently or a test passes on rerun.";

function input(body: string, overrides: Partial<QualityInput> = {}): QualityInput {
  return {
    name: "flaky-test-triage",
    description: GOOD_DESCRIPTION,
    body,
    bodyFirstLine: 5,
    skillMdLines: body.split("\n").length + 4,
    files: null,
    ...overrides,
  };
}

const score = (body: string, id: DimensionId, overrides: Partial<QualityInput> = {}) => {
  const dimension = assessQuality(input(body, overrides)).dimensions.find((d) => d.id === id);
  if (!dimension) throw new Error(`no ${id}`);
  return dimension;
};

const CONCRETE = `# Flaky test triage

Reproduce first: run the one test 50 times, then in random order.

\`\`\`bash
npx vitest run tests/orders.test.ts --repeat 50
pytest tests/test_orders.py::test_total -x --count 50 -p randomly
\`\`\`

1. Record the seed, the worker count and the commit from the CI log.
2. Run \`npx vitest run --sequence.seed=1234\` with the failing seed.
3. If it fails only in parallel, give each test its own temp dir (\`fs.mkdtemp\`) and port \`0\`.
4. Freeze the clock with \`vi.useFakeTimers()\` when the failure clusters near midnight UTC.
5. Prove the fix: 200 runs without a failure, then remove the \`retry: 2\` you added.

| Symptom | Cause | Fix |
|---|---|---|
| \`EADDRINUSE 127.0.0.1:3000\` | Fixed port | Listen on port 0 |
| Fails after \`orders.test.ts\` | Leaked mock | \`vi.restoreAllMocks()\` in \`afterEach\` |
`;

const GENERIC = `# Flaky tests

Flaky tests are a problem for every team.

1. Follow best practices for testing.
2. Make sure everything works as expected.
3. Handle errors gracefully.
4. Review the results.
5. Keep the tests clean and simple.
6. Communicate clearly with the team.
`;

describe("specificity", () => {
  it("is high when lines name commands, files, flags and numbers the request did not", () => {
    const result = score(CONCRETE, "specificity");
    expect(result.score).toBeGreaterThanOrEqual(0.8);
    expect(result.evidence.some((e) => e.effect === "+" && e.line !== undefined)).toBe(true);
  });

  it("is low for generic prose, quoting the lines that name nothing", () => {
    const result = score(GENERIC, "specificity");
    expect(result.score).toBeLessThan(0.3);
    const lost = result.evidence.filter((e) => e.effect === "-");
    expect(lost.length).toBeGreaterThan(0);
    expect(lost[0]).toMatchObject({ line: expect.any(Number), note: expect.stringMatching(/names no command/) });
  });

  it("does not credit the request's own words: a tool named in the description is not expertise", () => {
    const echo = "# Flaky tests\n\nUse Vitest for flaky tests. Flaky tests in Vitest are flaky.\n";
    const described = score(echo, "specificity", { description: "Use when Vitest tests are flaky." });
    const notDescribed = score(echo, "specificity", { description: "Use when tests fail now and then." });
    expect(described.score).toBeLessThan(notDescribed.score);
  });
});

describe("actionability", () => {
  it("counts executable steps and shell commands", () => {
    expect(score(CONCRETE, "actionability").score).toBeGreaterThanOrEqual(0.8);
  });

  it("costs platitudes twice and quotes them", () => {
    const result = score(GENERIC, "actionability");
    expect(result.score).toBeLessThan(0.3);
    expect(result.evidence.find((e) => e.effect === "-")?.note).toMatch(/platitude/);
  });

  it("treats buzzwords without anything concrete as vague", () => {
    const buzz =
      "# Observability\n\n- Leverage a robust, scalable stack for deep insights.\n- Embrace a holistic approach.\n- Foster a culture of ownership.\n";
    expect(score(buzz, "actionability").score).toBeLessThan(0.5);
  });
});

describe("template residue", () => {
  it("is 1 for a finished text", () => {
    expect(score(CONCRETE, "templateResidue").score).toBe(1);
  });

  it("finds placeholders, TODOs and template variables, each with its line", () => {
    const residue =
      "# [Title]\n\nTODO: fill this.\n\n```sql\nSELECT * FROM your_table;\n```\n\nSet {{column}} to <one sentence>.\n";
    const result = score(residue, "templateResidue");
    expect(result.score).toBeLessThan(0.5);
    expect(result.evidence[0]).toMatchObject({ effect: "-", line: 5, note: expect.stringMatching(/template text/) });
  });

  it("finds the request echoed line after line with the topic swapped", () => {
    const lines = ["retries", "timeouts", "fixtures", "mocks", "clocks", "ports"].map(
      (topic) => `- Write down what a good result for ${topic} looks like.`,
    );
    const result = score(`# Flaky tests\n\n${lines.join("\n")}\n`, "templateResidue");
    expect(result.score).toBeLessThan(0.5);
    expect(result.evidence[0]?.note).toMatch(/topic swapped/);
  });

  it("reads GitHub Actions, Helm, Jinja and Handlebars in code blocks as syntax, not residue", () => {
    const templated = [
      "# Templated deploys",
      "",
      "Pass untrusted fields through `env:` rather than `${{ github.event.issue.title }}` in `run:`.",
      "",
      "```yaml",
      "env:",
      "  TITLE: ${{ github.event.issue.title }}",
      'image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
      "```",
      "",
      "```jinja",
      "{% for host in groups['db'] %}server {{ hostvars[host].ansible_host }}:{{ pg_port }}{% endfor %}",
      "```",
      "",
      "```handlebars",
      "{{#each releases}}- {{this.tag}} on {{date}}{{/each}}",
      "HOME is ${HOME} and the build is ${BUILD_ID}",
      "```",
    ].join("\n");
    expect(score(templated, "templateResidue").score).toBe(1);
    expect(score(templated, "examples").evidence.some((e) => /toy/.test(e.note))).toBe(false);
  });

  it("reads braces in the prose of a skill that teaches a template language as that language", () => {
    const jinja =
      "# Loops\n\nInside the loop, {{ item }} is the current host.\n\n```jinja\n{% for item in hosts %}{{ item }}{% endfor %}\n```\n";
    expect(score(jinja, "templateResidue").score).toBe(1);
    // Without a template language taught in code, the same braces are an unfilled template.
    const sql = "# Queries\n\nReplace {{ item }} with the table.\n\n```sql\nSELECT {{column}} FROM orders;\n```\n";
    expect(score(sql, "templateResidue").score).toBeLessThan(1);
  });

  it("reads argument placeholders in usage lines and file-name patterns as syntax, not residue", () => {
    const usage = [
      "# Searching",
      "",
      "- Search with `rg <pattern> [path]`; usage: scripts/find.sh <topic> [--since 7d]",
      "- Save notes as `notes/YYYY-MM-DD-<topic>.md`, or as reviews/<topic>/summary.md.",
      "- Lint skills flag a `TODO` without an issue number: `rg 'TODO|FIXME' src/`.",
    ].join("\n");
    expect(score(usage, "templateResidue").score).toBe(1);
  });

  it("reads command arguments and file-name patterns in plain prose as syntax, and a TODO named as a subject", () => {
    const plain = [
      "# Cluster triage",
      "",
      "Run kubectl describe <resource> and read the events at the bottom first.",
      "Name each write-up <topic>-incident.md and keep it beside the runbook.",
      "Turn each TODO comment you find into an issue with an owner.",
    ].join("\n");
    expect(score(plain, "templateResidue").score).toBe(1);
  });

  it("reads the slots of an output template in a code block as the template, not as residue", () => {
    const template =
      "# Reports\n\nAnswer with:\n\n```markdown\n# [Title]\n## Impact\n[Describe who was affected]\n```\n";
    expect(score(template, "templateResidue").score).toBe(1);
    expect(score("# [Title]\n\n[Describe who was affected]\n", "templateResidue").score).toBeLessThan(1);
  });

  it("still finds placeholders left in prose, and TODO comments left in code", () => {
    const markers = "# Notes\n\nUse when the user asks about <topic>.\n\nOwner: TBD\n\n# TODO\n";
    expect(score(markers, "templateResidue").evidence.filter((e) => e.effect === "-")).toHaveLength(3);
    const left = "# Notes\n\nSummarise {{project_name}} in <one sentence>.\n\n```python\n# TODO: load the data\n```\n";
    const result = score(left, "templateResidue");
    expect(result.score).toBeLessThan(1);
    expect(result.evidence.map((e) => e.note).join(" ")).toMatch(/template variable.*angle placeholder|TODO/);
    expect(result.evidence.filter((e) => e.effect === "-")).toHaveLength(2);
  });

  it("recognises the offline engine's scaffold marker", () => {
    const assessment = assessQuality(input("# Triage\n\n1. [FILL IN: the exact command that reproduces it]\n"));
    expect(assessment.scaffold).toBe(true);
    expect(assessment.dimensions.find((d) => d.id === "templateResidue")?.score).toBeLessThan(1);
  });
});

describe("examples", () => {
  it("rewards code that uses the domain's own identifiers", () => {
    expect(score(CONCRETE, "examples").score).toBeGreaterThanOrEqual(0.7);
  });

  it("marks toy code as toy", () => {
    const toy = '# Logging\n\n```python\ndef foo():\n    x = 1\n    return x\n\nprint("Hello, world!")\n```\n';
    const result = score(toy, "examples");
    expect(result.score).toBeLessThan(0.3);
    expect(result.evidence.find((e) => e.effect === "-")?.note).toMatch(/toy/);
  });

  it("is neutral (0.5) when there is no example at all", () => {
    expect(score("# Notes\n\nA paragraph without code.\n", "examples").score).toBe(0.5);
  });
});

describe("trigger quality", () => {
  it("is high for a description that says what and when, with concrete words", () => {
    expect(score(CONCRETE, "triggerQuality").score).toBeGreaterThanOrEqual(0.8);
  });

  it("is low for a vague description and says what is missing", () => {
    const result = score(CONCRETE, "triggerQuality", { description: "Helps with stuff." });
    expect(result.score).toBeLessThan(0.5);
    expect(result.evidence[0]?.note).toMatch(/does not say/);
  });
});

describe("trigger quality: the ways authors say when", () => {
  it.each([
    "Use before proposing any fix for a failing test: reproduces it with vitest --repeat, then traces the cause.",
    "You MUST use this when a test passes on rerun: reproduces it with vitest --repeat, then traces the cause.",
    "Invoke for intermittent CI failures: reproduces them with vitest --repeat, then traces the cause.",
    "Before touching a flaky test, reproduce it with vitest --repeat and trace the cause from the CI log.",
    "Always use this skill for tests that pass on rerun: reproduces them with vitest --repeat.",
  ])("%s", (description) => {
    const result = score(CONCRETE, "triggerQuality", { description });
    expect(result.summary).toMatch(/^says when/);
    expect(result.score).toBeGreaterThanOrEqual(0.6);
  });

  it("does not read a description that only says what as saying when", () => {
    const result = score(CONCRETE, "triggerQuality", {
      description: "Reproduces flaky tests with vitest --repeat and traces the cause from the CI log.",
    });
    expect(result.summary).toMatch(/^does not say when/);
  });
});

describe("progressive disclosure", () => {
  it("is 1 for a short SKILL.md that points to its reference files", () => {
    const files = new Map([["references/causes.md", "# Causes\n\n- `EADDRINUSE`: fixed port.\n"]]);
    const body = `${CONCRETE}\nSee [references/causes.md](references/causes.md).\n`;
    expect(score(body, "progressiveDisclosure", { files }).score).toBe(1);
  });

  it("costs a body over 500 lines and bundled files nothing points to", () => {
    const long = `${CONCRETE}\n${Array.from({ length: 700 }, (_, i) => `- Step ${i}: run \`make check-${i}\`.`).join("\n")}\n`;
    const files = new Map([
      ["scripts/orphan.py", "print(1)\n"],
      ["assets/unused.json", "{}\n"],
    ]);
    const result = score(long, "progressiveDisclosure", { files, skillMdLines: 720 });
    expect(result.score).toBeLessThan(0.5);
    expect(result.evidence.map((e) => e.note).join(" ")).toMatch(/over 500 lines.*|no line of SKILL.md leads/);
  });
});

/** A process skill in its own words: decision rules, a checklist, stop conditions and a dialogue, no commands. */
const PROCESS = `# Pairing on a refactor

Agree on the goal before anyone moves code, then keep every step small enough to undo.

## Checklist

- [ ] The behaviour to keep is written down as tests that pass before the first move.
- [ ] Each move changes structure or behaviour, never both in one commit.
- [ ] The other person can explain why each move was made without reading the diff.

## Decision rules

- If a move breaks a test, undo it rather than patching forward.
- When two names compete for the same concept, keep the one the callers already use.
- Unless the partner agrees, leave public interfaces exactly as they are.
- If a move takes longer than one short break, split it into two moves.

Tests fail after a move? The move changed behaviour, not only structure. Undo it before anything else.

\`\`\`
NO MOVE WITHOUT GREEN TESTS ON BOTH SIDES OF IT
\`\`\`

## Stop conditions

- Stop and talk it through when the same test has failed after three different moves.
- Do not start the next move until the previous one is committed and green.

## What it sounds like

> **Partner:** Can we rename the service while we are in here?
> **You:** Not in this change. Renaming touches every caller, so it gets its own commit after the tests
> for the callers exist. I will note it for later.
`;

/** The same shapes as filler writes them: vague conditions, empty checklists, advice with nothing to decide. */
const PROCESS_FILLER = `# Pairing on a refactor

## Checklist

- [ ] Check the code.
- [ ] Make sure everything works.
- [ ] Review the results.

## Rules

- If something goes wrong, fix the issues.
- If the partner is unsure, ask more questions to understand their needs.
- When in doubt, ask the team.
- If the review fails, review again.
- Be constructive and specific.
- Stop when you are done.

> **Partner:** I want to refactor this.
> **You:** Great idea! What would you like to change?
`;

describe("process skills: decision rules, checklists, stop conditions and dialogue", () => {
  const pairing = { name: "pairing-on-refactors", description: "Use when two people refactor one module together." };

  it("credits them as specific and actionable, and a dialogue as an example", () => {
    expect(score(PROCESS, "specificity", pairing).score).toBeGreaterThanOrEqual(0.6);
    expect(score(PROCESS, "actionability", pairing).score).toBeGreaterThanOrEqual(0.8);
    const examples = score(PROCESS, "examples", pairing);
    expect(examples.score).toBe(0.75);
    expect(examples.summary).toMatch(/1 dialogue examples/);
    expect(assessQuality(input(PROCESS, pairing)).overall).toBeGreaterThanOrEqual(0.7);
  });

  it("does not credit the same shapes with nothing in them", () => {
    expect(score(PROCESS_FILLER, "specificity", pairing).score).toBeLessThan(0.3);
    expect(score(PROCESS_FILLER, "actionability", pairing).score).toBeLessThan(0.5);
    expect(score(PROCESS_FILLER, "examples", pairing).score).toBe(0.5);
    expect(assessQuality(input(PROCESS_FILLER, pairing)).overall).toBeLessThan(0.5);
  });

  it("reads a question answered on its line as one rule, and a sentence boxed in a code block as no example", () => {
    const rule =
      "# Refactoring\n\nTests fail after a move? The move changed behaviour. Undo it before anything else.\n";
    expect(score(rule, "actionability").summary).toMatch(/^1 executable steps .* 0 vague/);
    const real = "```bash\nnpx vitest run tests/cart.test.ts --reporter=dot\n```\n";
    const boxed = "```\nNO MOVE WITHOUT GREEN TESTS ON BOTH SIDES\n```\n";
    expect(score(`# Moves\n\n${boxed}\n${real}`, "examples").score).toBe(score(`# Moves\n\n${real}`, "examples").score);
    // A command in a block without a language is still an example.
    expect(score("# Setup\n\n```\npip install pandas pyarrow\n```\n", "examples").summary).toMatch(/^1 code examples/);
  });

  it("does not judge the lines of a dialogue as instructions to the agent", () => {
    const dialogue = "# Intake\n\n> **User:** Fix it.\n> **You:** Which page?\n> **User:** Review the results.\n";
    expect(score(dialogue, "actionability").summary).toMatch(/0 vague instructions and 0 platitudes/);
  });
});

describe("overall", () => {
  it("passes concrete content and fails generic content, deterministically", () => {
    const good = assessQuality(input(CONCRETE));
    const bad = assessQuality(input(GENERIC));
    expect(good.overall).toBeGreaterThan(0.75);
    expect(bad.overall).toBeLessThan(0.5);
    expect(assessQuality(input(CONCRETE))).toEqual(good);
  });

  it("lets residue gate the total: a scaffold cannot score like finished work", () => {
    const scaffold = CONCRETE.replace(
      /^1\. .*$/m,
      "1. [FILL IN: the first step]\n2. [FILL IN: the check]\n3. [FILL IN: more]",
    );
    expect(assessQuality(input(scaffold)).overall).toBeLessThan(assessQuality(input(CONCRETE)).overall);
  });

  it("judges text in other languages on what it shows (commands, files, numbers), not on English words", () => {
    const french = `# Comptes rendus\n\n- Rassemblez les informations pertinentes.\n- Notez les points importants.\n- Soyez clair et concis.\n- Partagez le compte rendu.\n`;
    const result = assessQuality(
      input(french, { name: "comptes-rendus", description: "À utiliser pour un compte rendu." }),
    );
    expect(result.overall).toBeLessThan(0.5);
  });
});
