/**
 * Category templates (docs/skill-format.md, metadata.json): the section headings and elements a skill of each category
 * should have. The generation prompt injects the headings; the validator checks compliance against them.
 */

export const SKILL_CATEGORIES = [
  "document_creation",
  "workflow_automation",
  "mcp_enhancement",
  "analysis",
  "other",
] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

interface Template {
  headings: string[];
  elements: string[];
}

export const CATEGORY_TEMPLATES: Record<SkillCategory, Template> = {
  document_creation: {
    headings: ["## Output Format", "## Style Guidelines", "## Quality Checklist", "## Examples"],
    elements: ["template", "style_guide", "examples"],
  },
  workflow_automation: {
    headings: ["## Workflow Steps", "## Input/Output", "## Error Handling", "## Validation Gates"],
    elements: ["step_by_step", "validation", "error_handling"],
  },
  mcp_enhancement: {
    headings: ["## MCP Tools Used", "## Tool Sequences", "## Error Recovery", "## Prerequisites"],
    elements: ["mcp_tools", "patterns", "prerequisites"],
  },
  analysis: {
    headings: ["## Analysis Method", "## Input Requirements", "## Output Format", "## Interpretation Guidelines"],
    elements: ["method", "input_requirements", "output_format"],
  },
  other: { headings: ["## Instructions", "## Examples", "## Troubleshooting"], elements: ["instructions", "examples"] },
};

export const ELEMENT_KEYWORDS: Record<string, string[]> = {
  template: ["template", "boilerplate", "starter"],
  style_guide: ["style", "guideline", "formatting", "convention"],
  examples: ["example", "sample", "demo"],
  step_by_step: ["step", "phase", "stage"],
  validation: ["validate", "check", "verify", "quality"],
  error_handling: ["error", "exception", "failure", "troubleshoot"],
  mcp_tools: ["mcp", "tool", "api", "server"],
  patterns: ["pattern", "sequence", "flow", "workflow"],
  prerequisites: ["prerequisite", "requirement", "setup", "install"],
  method: ["method", "approach", "technique", "process"],
  input_requirements: ["input", "requirement", "data needed"],
  output_format: ["output", "format", "result", "deliverable"],
  instructions: ["instruction", "guide", "how to", "steps"],
};

export function isSkillCategory(value: string): value is SkillCategory {
  return (SKILL_CATEGORIES as readonly string[]).includes(value);
}

export interface TemplateCompliance {
  score: number;
  compliant: boolean;
  missingHeadings: string[];
  missingElements: string[];
}

const hasHeading = (lines: string[], heading: string): boolean =>
  lines.some((line) => line.trim().toLowerCase().startsWith(heading.toLowerCase()));

/**
 * score = found headings / required headings; compliant = score ≥ 0.75 and at most 2 issues. Null for unknown
 * categories.
 */
export function templateCompliance(category: string, content: string): TemplateCompliance | null {
  if (!isSkillCategory(category)) return null;
  const template = CATEGORY_TEMPLATES[category];
  const lines = content.split("\n");
  const lower = content.toLowerCase();
  const missingHeadings = template.headings.filter((heading) => !hasHeading(lines, heading));
  const missingElements = template.elements.filter(
    (element) => !(ELEMENT_KEYWORDS[element] ?? []).some((keyword) => lower.includes(keyword)),
  );
  const score = (template.headings.length - missingHeadings.length) / template.headings.length;
  return {
    score,
    compliant: score >= 0.75 && missingHeadings.length + missingElements.length <= 2,
    missingHeadings,
    missingElements,
  };
}
