import { demoWorkflow } from "../../dev/demo-workflow";
import { skillWorkflow } from "./skill/skill-workflow";
import type { Workflow } from "../durable/engine";

/**
 * Workflows by name; a job row records the name of the one that runs it (Job.workflow). A static map, not
 * runtime registration, so every module instance Next.js loads sees the same workflows.
 */
const WORKFLOWS: Record<string, Workflow> = {
  skill: skillWorkflow,
  demo: demoWorkflow,
};

export const WORKFLOW_NAMES = Object.keys(WORKFLOWS);

export function findWorkflow(name: string): Workflow | undefined {
  return Object.hasOwn(WORKFLOWS, name) ? WORKFLOWS[name] : undefined;
}
