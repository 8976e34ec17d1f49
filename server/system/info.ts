import packageJson from "../../package.json";
import { env } from "../common/env";
import { getDatabase } from "../db/client";

export interface SystemInfo {
  engine: string;
  offline: boolean;
  database: string;
  databaseKind: "pglite" | "postgresql";
  version: string;
}

/** The engine that runs steps: `offline` unless SKILL_FLEET_MODEL names a provider model. */
export function engineName(): string {
  return env().SKILL_FLEET_MODEL ?? "offline";
}

export async function systemInfo(): Promise<SystemInfo> {
  const database = await getDatabase();
  const engine = engineName();
  return {
    engine,
    offline: engine === "offline",
    database: database.description,
    databaseKind: database.target.kind === "postgres" ? "postgresql" : "pglite",
    version: packageJson.version,
  };
}
