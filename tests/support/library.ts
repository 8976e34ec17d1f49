import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import type { Database } from "../../server/db/client";
import { createLibrary, type Library } from "../../server/skills/library/index";
import { fileData, textBytes } from "../../server/skills/library/files";
import { prismaLibraryRepository } from "../../server/skills/repositories/library-repository";
import type { SkillFileData } from "../../server/skills/library/types";

/** A library over a test database (a "server"): several over one database behave like several processes. */
export function testLibrary(db: Database, root = "/nonexistent-skills-root", seedDir: string | null = null): Library {
  return createLibrary(prismaLibraryRepository(db.prisma), { root, seedDir, log: pino({ level: "silent" }) });
}

export const skillMd = (name: string, description: string, body = "\n# Title\n\n## When to Use\n\nAlways.\n") =>
  `---\nname: ${name}\ndescription: ${description}\n---\n${body}`;

/** A file set from text (or bytes) by path. */
export function files(entries: Record<string, string | Uint8Array>): SkillFileData[] {
  return Object.entries(entries).map(([name, content]) =>
    fileData(name, typeof content === "string" ? textBytes(content) : content),
  );
}

/** Every byte value, twice: garbled by any text decoding on the way. */
export const BINARY = new Uint8Array([
  ...Array.from({ length: 256 }, (_, i) => i),
  ...Array.from({ length: 256 }, (_, i) => 255 - i),
]);

export async function tempRoot(prefix = "skill-fleet-library-"): Promise<string> {
  return path.join(await fs.mkdtemp(path.join(os.tmpdir(), prefix)), "skills");
}
