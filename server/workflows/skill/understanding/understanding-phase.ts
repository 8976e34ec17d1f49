import type { Clarification, Dependencies, Intent, Plan, Requirements, TaxonomyChoice } from "../../../llm/steps/index";
import { STEPS } from "../../../llm/steps/index";
import type { StructureReport } from "../../../llm/steps/validate-structure";
import { BaseWorkflow } from "../base-workflow";
import type { WorkflowContext } from "../../../durable/engine";
import { clarificationsFrom, needsClarification } from "./clarifications";
import {
  applyOverride,
  automaticOverride,
  overrideFrom,
  structureFixPrompt,
  type StructureOverride,
} from "./structure-fix";
import { confirmPrompt } from "./plan-summary";

/** Everything later phases need from Understanding (the plan carries name, description, path, triggers, …). */
export interface UnderstandingResult {
  requirements: Requirements;
  intent: Intent;
  taxonomy: TaxonomyChoice;
  dependencies: Dependencies;
  plan: Plan;
  /** The answers to the clarifying questions, for generation to shape the content with. */
  clarifications: Clarification[];
}

interface RoundState {
  round: number;
  clarifications: Clarification[];
  override: StructureOverride | null;
}

type LibraryView = { structure: string; existing: string[] };

export interface UnderstandingSettings {
  confirmPlan: boolean;
  maxClarifyRounds: number;
  /** The library as the taxonomy step sees it: the tree (JSON text) and the existing skill paths. */
  library: () => Promise<LibraryView>;
}

const MAX_STRUCTURE_FIXES = 3;
const MAX_PLAN_REVISIONS = 5;

/**
 * Phase 1 (docs/workflow.md, Understanding): requirements → structure check (→ structure_fix) → clarify → intent ∥
 * taxonomy ∥ dependencies → refined dependencies → plan (→ confirm). A clarify answer starts a new round with the
 * answers; a structure fix re-checks within the round; a "revise" re-plans with the feedback.
 */
export class UnderstandingPhase extends BaseWorkflow {
  constructor(
    ctx: WorkflowContext,
    private readonly settings: UnderstandingSettings,
  ) {
    super(ctx, "Understanding", [0, 35]);
  }

  async run(): Promise<UnderstandingResult> {
    let state: RoundState = { round: 1, clarifications: [], override: null };
    for (;;) {
      this.enter(state.round);
      const outcome = await this.runRound(state);
      if ("plan" in outcome) return outcome;
      state = outcome;
    }
  }

  private async runRound(state: RoundState): Promise<UnderstandingResult | RoundState> {
    const gathering = this._stepGatherRequirements(state.clarifications);
    // The library view depends on nothing of the round: it is read while the requirements are gathered, off the
    // path of the model calls (docs/performance.md). A round that ends with a question does not use it.
    const library = this.compute("library", () => this.settings.library());
    library.catch(() => undefined);
    const gathered = await gathering;
    const { requirements, override } = await this._stepEnsureValidStructure(
      applyOverride(gathered, state.override),
      state.override,
    );
    const clarifyRound = state.round; // every earlier round ended with a clarification
    if (needsClarification(requirements) && clarifyRound <= this.settings.maxClarifyRounds) {
      const answers = await this._stepAskClarifications(requirements, state.clarifications, clarifyRound);
      return { round: state.round + 1, clarifications: [...state.clarifications, ...answers], override };
    }
    const view = await library;
    const [intent, taxonomy] = await this._stepAnalyze(requirements, view);
    const dependencies = await this._stepRefineDependencies(intent, taxonomy, view);
    const plan = await this._stepPlanAndConfirm({ requirements, intent, taxonomy, dependencies }, override);
    return { requirements, intent, taxonomy, dependencies, plan, clarifications: state.clarifications };
  }

  private async _stepGatherRequirements(clarifications: Clarification[]): Promise<Requirements> {
    this.progress(0.1, "Reading the task");
    return this.model("requirements", STEPS.gatherRequirements, { taskDescription: this.task, clarifications });
  }

  private _stepValidateStructure(requirements: Requirements, attempt: number): Promise<StructureReport> {
    return this.model(`structure@${attempt}`, STEPS.validateStructure, {
      skillName: requirements.suggestedSkillName,
      description: requirements.description,
    });
  }

  /** Checks name and description; asks for a fix while they are invalid (at most MAX_STRUCTURE_FIXES times). */
  private async _stepEnsureValidStructure(
    requirements: Requirements,
    override: StructureOverride | null,
  ): Promise<{ requirements: Requirements; override: StructureOverride | null }> {
    this.progress(0.2, "Checking the name and description");
    for (let attempt = 1; ; attempt++) {
      const report = await this._stepValidateStructure(requirements, attempt);
      if (report.overallValid) return { requirements, override };
      override =
        attempt > MAX_STRUCTURE_FIXES
          ? automaticOverride(report, override)
          : await this._stepAskStructureFix(report, requirements, attempt, override);
      requirements = applyOverride(requirements, override);
      if (attempt > MAX_STRUCTURE_FIXES) return { requirements, override };
    }
  }

  private async _stepAskStructureFix(
    report: StructureReport,
    requirements: Requirements,
    attempt: number,
    override: StructureOverride | null,
  ): Promise<StructureOverride> {
    const answer = await this.ask(
      `structure-fix@${attempt}`,
      "structure_fix",
      structureFixPrompt(report, requirements),
    );
    return overrideFrom(answer, report, override);
  }

  private async _stepAskClarifications(
    requirements: Requirements,
    previous: Clarification[],
    round: number,
  ): Promise<Clarification[]> {
    this.progress(0.3, "Asking what is unclear");
    const questions = await this.model("questions", STEPS.generateClarifyingQuestions, {
      taskDescription: this.task,
      ambiguities: requirements.ambiguities,
      requirements,
      previousAnswers: previous,
    });
    const answer = await this.ask("clarify", "clarify", {
      ...questions,
      round,
      maxRounds: this.settings.maxClarifyRounds,
    });
    return clarificationsFrom(questions.questions, answer);
  }

  /** Intent, taxonomy path and a first dependency pass, in parallel (docs/workflow.md). */
  private async _stepAnalyze(
    requirements: Requirements,
    library: LibraryView,
  ): Promise<[Intent, TaxonomyChoice, Dependencies]> {
    this.progress(0.45, "Analysing intent, library placement and dependencies");
    return Promise.all([
      this.model("intent", STEPS.analyzeIntent, { taskDescription: this.task, requirements }),
      this.model("taxonomy", STEPS.findTaxonomyPath, {
        taskDescription: this.task,
        requirements,
        taxonomyStructure: library.structure,
        existingSkills: library.existing,
      }),
      this.model("dependencies", STEPS.analyzeDependencies, {
        taskDescription: this.task,
        taxonomyPath: "",
        existingSkills: library.existing,
      }),
    ]);
  }

  private _stepRefineDependencies(
    intent: Intent,
    taxonomy: TaxonomyChoice,
    library: LibraryView,
  ): Promise<Dependencies> {
    return this.model("dependencies-refined", STEPS.analyzeDependencies, {
      taskDescription: this.task,
      intent,
      taxonomyPath: taxonomy.recommendedPath,
      existingSkills: library.existing,
    });
  }

  /** The plan; with confirmPlan, shown for approval and re-planned with the feedback on "revise". */
  private async _stepPlanAndConfirm(
    analysis: Omit<UnderstandingResult, "plan" | "clarifications">,
    override: StructureOverride | null,
  ): Promise<Plan> {
    let feedback: string | undefined;
    for (let version = 1; ; version++) {
      this.progress(0.7, version === 1 ? "Planning the skill" : "Revising the plan");
      const planned = await this.model(`plan@${version}`, STEPS.synthesizePlan, {
        ...analysis,
        userConfirmation: feedback,
      });
      const plan = keepUserChoices(planned, override);
      if (!this.settings.confirmPlan || version > MAX_PLAN_REVISIONS) return plan;
      const answer = await this.ask(`confirm@${version}`, "confirm", confirmPrompt(plan, analysis));
      if (answer.action === "proceed") return plan;
      feedback = answer.feedback;
    }
  }
}

/**
 * A name or description the user fixed by hand wins over whatever the planner proposes later, and the skill's
 * folder (the path's last segment) is always its name, as the specification requires.
 */
function keepUserChoices(plan: Plan, override: StructureOverride | null): Plan {
  const name = override?.name || plan.name;
  const parent = plan.taxonomyPath.split("/").slice(0, -1).join("/") || "general";
  return { ...plan, name, description: override?.description || plan.description, taxonomyPath: `${parent}/${name}` };
}
