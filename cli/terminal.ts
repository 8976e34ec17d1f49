import { sanitizeForTerminal } from "../server/common/sanitize";
import { LineReader } from "./line-reader";

/**
 * Everything the CLI writes goes through here, so every string (much of it from users or models, via the server)
 * is stripped of escape sequences and control characters on the way out. Human text goes to stdout, or to stderr
 * under `--json` so stdout stays machine-readable; results always go to stdout.
 */
export class Terminal {
  private midLine = false;
  private reader: LineReader | null = null;
  private interruptHandler: (() => void) | null = null;

  constructor(private readonly json = false) {}

  /** A line of human output. */
  print(text = ""): void {
    this.human(`${this.midLine ? "\n" : ""}${sanitizeForTerminal(text)}\n`);
    this.midLine = false;
  }

  /** Streamed model tokens: written as they come, the next line starts on a fresh one. */
  stream(text: string): void {
    const clean = sanitizeForTerminal(text);
    if (clean === "") return;
    this.human(clean);
    this.midLine = !clean.endsWith("\n");
  }

  /** The command's result (stdout even under --json). */
  result(text: string): void {
    process.stdout.write(`${sanitizeForTerminal(text)}${text.endsWith("\n") ? "" : "\n"}`);
  }

  error(text: string): void {
    process.stderr.write(`${this.midLine ? "\n" : ""}${sanitizeForTerminal(text)}\n`);
    this.midLine = false;
  }

  /** Asks a question and resolves with the trimmed answer, or null when stdin has ended. */
  ask(question: string, options: { priority?: boolean } = {}): Promise<string | null> {
    const prompt = `${this.midLine ? "\n" : ""}${sanitizeForTerminal(question)} `;
    this.midLine = false;
    return this.lines().read(prompt, options);
  }

  /** Ctrl-C calls `handler` (as a signal, or from readline on a TTY) instead of killing the process. */
  onInterrupt(handler: () => void): void {
    this.interruptHandler = handler;
    process.on("SIGINT", handler);
  }

  close(): void {
    this.reader?.close();
    if (this.interruptHandler) process.off("SIGINT", this.interruptHandler);
  }

  private lines(): LineReader {
    this.reader ??= new LineReader(
      (text) => this.human(text),
      () => this.interruptHandler?.(),
    );
    return this.reader;
  }

  private human(text: string): void {
    (this.json ? process.stderr : process.stdout).write(text);
  }
}
