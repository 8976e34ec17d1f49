import fs from "node:fs/promises";
import path from "node:path";
import { unzipSkill } from "../../server/skills/archive";
import { listTree } from "../../server/skills/fs-tree";
import { parseTaxonomyPath, safePath } from "../../server/skills/paths";
import { identityHeaders } from "../client";
import type { CommandContext } from "../context";
import { CliError } from "../errors";

/**
 * import, export and versions: the skill library (docs/library.md) from the terminal. A folder is sent file by file
 * as bytes (binary assets round-trip exactly), a zip as it is; the server checks both and refuses bad ones whole.
 * Export writes `<out>/<skill path>/`, the layout `<available_skills>` locations point into.
 */
async function folderFiles(dir: string): Promise<{ path: string; base64: string }[]> {
  const listing = await listTree(dir);
  if (listing.symlinks.length)
    throw new CliError(`symlinks are not imported: ${listing.symlinks.join(", ")} (nothing was sent)`);
  return Promise.all(
    listing.files.map(async (file) => ({
      path: file.relative,
      base64: (await fs.readFile(file.absolute)).toString("base64"),
    })),
  );
}

export async function importCommand(
  ctx: CommandContext,
  target: string,
  flags: { path?: string; message?: string; json?: boolean },
): Promise<number> {
  const absolute = path.resolve(target);
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat) throw new CliError(`no such file or folder: ${target}`);
  const message = flags.message ?? "";
  const saved = stat.isDirectory()
    ? await ctx.client.library.import.mutate({
        path: flags.path ?? path.basename(absolute),
        files: await folderFiles(absolute),
        message,
      })
    : await ctx.client.library.import.mutate({
        zipBase64: (await fs.readFile(absolute)).toString("base64"),
        path: flags.path,
        message,
      });
  if (flags.json) ctx.term.result(JSON.stringify(saved, null, 2));
  else ctx.term.result(`imported ${saved.path} version ${saved.version.number} · security risk ${saved.security.risk}`);
  return 0;
}

/** A library skill as the server zips it, asked for as the CLI's identity (a shared server needs a token). */
export async function download(ctx: CommandContext, skillPath: string, version?: number): Promise<Uint8Array> {
  const segments = skillPath.split("/").map(encodeURIComponent).join("/");
  const query = version ? `?version=${version}` : "";
  const response = await fetch(`${ctx.url}/api/library/${segments}/archive${query}`, {
    headers: identityHeaders(ctx.identity),
  }).catch((error: unknown) => {
    throw new CliError(
      `cannot reach Skill Fleet at ${ctx.url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: unknown };
    throw new CliError(typeof body.error === "string" ? body.error : `the server answered ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

export async function exportCommand(
  ctx: CommandContext,
  skillPath: string,
  flags: { version?: number; out?: string },
): Promise<number> {
  const checked = parseTaxonomyPath(skillPath);
  const target = path.resolve(flags.out ?? ".", ...checked.split("/"));
  if (await fs.stat(target).catch(() => null)) throw new CliError(`${target} already exists (nothing was written)`);
  const { files } = await unzipSkill(await download(ctx, checked, flags.version));
  for (const [relative, bytes] of files) {
    // Entry names were checked by unzipSkill; safePath also refuses a symlink planted on the way.
    const file = await safePath(target, ...relative.split("/"));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { flag: "wx" });
  }
  ctx.term.result(`exported ${checked}${flags.version ? ` version ${flags.version}` : ""} to ${target}`);
  return 0;
}

const day = (date: Date): string => date.toISOString().replace("T", " ").slice(0, 16);
const score = (value: number | null): string => (value === null ? "—" : value.toFixed(2));

export async function versionsCommand(ctx: CommandContext, skillPath: string, flags: { json?: boolean }) {
  const { items } = await ctx.client.library.versions.query({ path: skillPath });
  if (flags.json) {
    ctx.term.result(JSON.stringify(items, null, 2));
    return 0;
  }
  for (const v of items) {
    const message = v.message ? `  ${v.message}` : "";
    ctx.term.result(
      `v${v.number}  ${day(v.createdAt)}  ${v.origin.padEnd(7)}  ${v.authorId}  score ${score(v.score)}${message}`,
    );
  }
  return 0;
}
