import { runStep } from "../../server/llm/run-step";
import {
  analyzeDependencies,
  analyzeIntent,
  findTaxonomyPath,
  gatherRequirements,
  generateContent,
  synthesizePlan,
} from "../../server/llm/steps/index";
import type { Clarification } from "../../server/llm/steps/schemas";
import { alignFrontmatter } from "../../server/workflows/skill/skill-content";

/**
 * The offline engine's draft for a task, through the same steps a job runs (requirements, intent, taxonomy,
 * dependencies, plan, content) without a database or a job: what calibration and the filler tests judge.
 */
export interface OfflineDraft {
  task: string;
  name: string;
  taxonomyPath: string;
  skillMd: string;
}

interface DraftOptions {
  library?: string[];
  clarifications?: Clarification[];
  feedback?: string;
}

/** Understanding, as the offline engine does it: requirements, intent, taxonomy, dependencies, plan. */
async function understand(task: string, options: DraftOptions) {
  const existingSkills = options.library ?? [];
  const clarifications = options.clarifications ?? [];
  const requirements = (await runStep(gatherRequirements, { taskDescription: task, clarifications })).output;
  const intent = (await runStep(analyzeIntent, { taskDescription: task, requirements })).output;
  const structure = JSON.stringify(Object.fromEntries(existingSkills.map((id) => [id.split("/")[0], {}])));
  const taxonomy = (
    await runStep(findTaxonomyPath, {
      taskDescription: task,
      requirements,
      taxonomyStructure: structure,
      existingSkills,
    })
  ).output;
  const dependencies = (
    await runStep(analyzeDependencies, {
      taskDescription: task,
      intent,
      taxonomyPath: taxonomy.recommendedPath,
      existingSkills,
    })
  ).output;
  const plan = (
    await runStep(synthesizePlan, { requirements, intent, taxonomy, dependencies, userConfirmation: options.feedback })
  ).output;
  return { requirements, intent, dependencies, plan, clarifications };
}

/** Every offline step's output for a task, for tests that look inside the chain. */
export async function offlineChain(task: string, options: DraftOptions = {}) {
  const { requirements, intent, dependencies, plan, clarifications } = await understand(task, options);
  const understanding = {
    taskDescription: task,
    domain: requirements.domain,
    targetLevel: requirements.targetLevel,
    topics: requirements.topics,
    constraints: requirements.constraints,
    intent,
    dependencies,
    clarifications,
  };
  const content = (await runStep(generateContent, { plan, understanding })).output;
  return { requirements, plan, content };
}

export async function offlineDraft(task: string, options: DraftOptions = {}): Promise<OfflineDraft> {
  const { plan, content } = await offlineChain(task, options);
  return {
    task,
    name: plan.name,
    taxonomyPath: plan.taxonomyPath,
    skillMd: alignFrontmatter(content.skillContent, plan, "offline"),
  };
}
