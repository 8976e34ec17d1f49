import type { Plan, Understanding } from "../steps/schemas";
import { analyseTask, type TaskFacts } from "./analysis";
import { taskSummary } from "./requirements";
import { titleCase } from "./markdown";
import { TECH_LANGUAGE } from "./vocabulary";

/** Everything the offline writer needs about one skill, computed once. */
export interface ContentContext {
  plan: Plan;
  title: string;
  topics: string[];
  topic: string;
  tech: string;
  language: string;
  constraints: string[];
  level: Understanding["targetLevel"];
  purpose: string;
  summary: string;
  facts: TaskFacts;
}

export function contentContext(plan: Plan, understanding: Understanding): ContentContext {
  const facts = analyseTask(understanding.taskDescription);
  const topics = (understanding.topics.length ? understanding.topics : facts.topics)
    .filter((t) => t !== "general")
    .slice(0, 4);
  const tech = facts.techTerms[0] ?? "";
  return {
    plan,
    title: titleCase(plan.name.replace(/-/g, " ")),
    topics: topics.length ? topics : [plan.name.replace(/-/g, " ")],
    topic: topics[0] ?? plan.name.replace(/-/g, " "),
    tech,
    language: facts.codeBlocks[0]?.language || TECH_LANGUAGE[tech] || "",
    constraints: understanding.constraints.slice(0, 5),
    level: understanding.targetLevel,
    purpose: understanding.intent?.purpose ?? `A repeatable way to handle ${topics[0] ?? "the task"}.`,
    summary: taskSummary(facts),
    facts,
  };
}
