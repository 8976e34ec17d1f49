import { backoffDelay } from "../common/backoff";
import pg from "pg";

/**
 * One dedicated PostgreSQL connection that LISTENs on a channel (docs/decisions/0003-listen-notify-relay.md:
 * LISTEN/NOTIFY carries live events between servers). It cannot come from the Prisma pool: a pooled connection is
 * handed to other queries and its notifications would go nowhere. When the connection drops (server restart,
 * pg_terminate_backend, network) it reconnects with exponential backoff; notifications sent while it was away are lost,
 * so `onListening` runs after every (re)connection to let the caller catch up from the tables.
 */
export interface ListenOptions {
  url: string;
  channel: string;
  onNotification(payload: string): void;
  /** After each successful LISTEN (the first and every reconnection). */
  onListening?(): void;
  /** A failed connection attempt or a dropped connection, and when the next attempt is due. */
  onError?(error: unknown, retryInMs: number): void;
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity, so an operator can tell the LISTEN connections apart. */
  applicationName?: string;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface NotificationListener {
  /** True while LISTEN is in place on an open connection. */
  readonly listening: boolean;
  close(): Promise<void>;
}

/** Opens the listener; resolves after the first attempt, whether or not it connected (it keeps retrying). */
export async function listenForNotifications(options: ListenOptions): Promise<NotificationListener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new Error(`Invalid channel name: ${options.channel}`);
  const listener = new ReconnectingListener(options);
  await listener.connect();
  return listener;
}

class ReconnectingListener implements NotificationListener {
  listening = false;
  private client: pg.Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: ListenOptions) {}

  async connect(): Promise<void> {
    this.retryTimer = undefined;
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: this.options.connectTimeoutMs,
      application_name: this.options.applicationName,
      keepAlive: true,
    });
    const lose = onceFor((error: unknown) => this.lost(client, error));
    client.on("notification", (message) => {
      if (message.channel === this.options.channel && message.payload !== undefined)
        this.options.onNotification(message.payload);
    });
    client.on("error", lose);
    client.on("end", () => lose(new Error("LISTEN connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      lose(error);
      return;
    }
    if (this.closed) return void (await client.end().catch(() => undefined));
    this.opened(client);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.listening = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private opened(client: pg.Client): void {
    this.client = client;
    this.listening = true;
    this.failures = 0;
    this.options.onListening?.();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client === client) {
      this.client = undefined;
      this.listening = false;
    }
    void client.end().catch(() => undefined);
    if (this.closed) return;
    const delay = this.backoff();
    this.options.onError?.(error, delay);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  /** Doubles from minBackoffMs up to maxBackoffMs, with jitter (common/backoff). */
  private backoff(): number {
    const delay = backoffDelay(this.failures, {
      baseMs: this.options.minBackoffMs ?? 100,
      maxMs: this.options.maxBackoffMs ?? 10_000,
    });
    this.failures += 1;
    return delay;
  }
}

/** A handler that runs only for the first of several calls ('error' and 'end' both fire when a connection dies). */
function onceFor(handler: (error: unknown) => void): (error: unknown) => void {
  let called = false;
  return (error) => {
    if (called) return;
    called = true;
    handler(error);
  };
}
