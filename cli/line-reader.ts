import readline from "node:readline";

/**
 * Lines from stdin, one at a time, for prompts. A queue rather than readline's `question()`, because piped input
 * arrives all at once and `question()` would drop lines that come before it is called. A priority read (the
 * Ctrl-C "cancel the job?" question) jumps ahead of a prompt already waiting, which is asked again afterwards.
 */
interface Waiter {
  prompt: string;
  resolve: (line: string | null) => void;
}

export class LineReader {
  private readonly lines: string[] = [];
  private readonly waiters: Waiter[] = [];
  private closed = false;
  private readonly rl: readline.Interface;
  private readonly echo: boolean;

  constructor(
    private readonly write: (text: string) => void,
    onInterrupt: () => void,
    input: NodeJS.ReadableStream = process.stdin,
  ) {
    const terminal = Boolean(process.stdin.isTTY && input === process.stdin);
    // Piped answers are not echoed by a terminal; echoing them keeps a transcript readable.
    this.echo = !terminal;
    this.rl = readline.createInterface({ input, terminal });
    this.rl.on("line", (line) => this.deliver(line));
    this.rl.on("close", () => this.finish());
    // On a TTY readline swallows Ctrl-C and reports it here instead of as a process signal.
    this.rl.on("SIGINT", onInterrupt);
  }

  /** Writes `prompt` and resolves with the next line (trimmed), or null once input has ended. */
  read(prompt: string, options: { priority?: boolean } = {}): Promise<string | null> {
    this.write(prompt);
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(this.echoed(queued));
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter = { prompt, resolve };
      if (options.priority) this.waiters.unshift(waiter);
      else this.waiters.push(waiter);
    });
  }

  close(): void {
    this.rl.close();
  }

  private deliver(line: string): void {
    const waiter = this.waiters.shift();
    if (!waiter) return void this.lines.push(line.trim());
    waiter.resolve(this.echoed(line.trim()));
    const next = this.waiters[0];
    if (next) this.write(next.prompt);
  }

  private echoed(line: string): string {
    if (this.echo) this.write(`${line}\n`);
    return line;
  }

  private finish(): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.resolve(null);
  }
}
