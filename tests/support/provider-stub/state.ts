import {
  type AnswerFn,
  type Mode,
  type ModeCall,
  type ModeChooser,
  type ProviderStubOptions,
  type RecordedRequest,
} from "./types";

/** The stub's mutable state: the current mode and answer, the request log and the per-step counters. */
export class StubState {
  readonly requests: RecordedRequest[] = [];
  /** Aborted by close(), so that a slow reply's timer never outlives the stub. */
  readonly closing = new AbortController();
  private chooser: ModeChooser;
  private answerFn: AnswerFn | undefined;
  private readonly perStep = new Map<string, number>();
  private count = 0;

  constructor(readonly options: ProviderStubOptions) {
    this.chooser = toChooser(options.mode ?? "good");
    this.answerFn = options.answer;
  }

  /** Back to the options' mode and answer, with no requests and every counter at 0. */
  reset(): void {
    this.requests.length = 0;
    this.perStep.clear();
    this.count = 0;
    this.chooser = toChooser(this.options.mode ?? "good");
    this.answerFn = this.options.answer;
  }

  setMode(mode: Mode | ModeChooser): void {
    this.chooser = toChooser(mode);
  }

  setAnswer(answer: AnswerFn | undefined): void {
    this.answerFn = answer;
  }

  get answer(): AnswerFn | undefined {
    return this.answerFn;
  }

  /** Counts the request (overall and for its step) and asks the mode function how to answer it. */
  nextMode(call: Omit<ModeCall, "index" | "stepIndex">): { mode: Mode; index: number; stepIndex: number } {
    const key = call.step ?? "";
    const stepIndex = this.perStep.get(key) ?? 0;
    this.perStep.set(key, stepIndex + 1);
    const index = this.count++;
    return { mode: this.chooser({ ...call, index, stepIndex }), index, stepIndex };
  }
}

function toChooser(mode: Mode | ModeChooser): ModeChooser {
  return typeof mode === "function" ? mode : () => mode;
}
