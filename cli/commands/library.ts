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

/**
 * A library skill as the server zips it, asked for as the CLI's identity (a shared server needs a token). The server
 * refuses a high+ skill (403, its findings in the body) unless `allowRisk`: install and update pass it because they
 * scan the same bytes themselves before writing (cli/install/risk-gate.ts) and refuse with their own message.
 */
export async function download(
  ctx: CommandContext,
  skillPath: string,
  options: { version?: number; allowRisk?: boolean } = {},
): Promise<Uint8Array> {
  const segments = skillPath.split("/").map(encodeURIComponent).join("/");
  const params = new URLSearchParams();
  if (options.version) params.set("version", String(options.version));
  if (options.allowRisk) params.set("allowRisk", "1");
  const query = params.size > 0 ? `?${params.toString()}` : "";
  const response = await fetch(`${ctx.url}/api/library/${segments}/archive${query}`, {
    headers: identityHeaders(ctx.identity),
  }).catch((error: unknown) => {
    throw new CliError(
      `cannot reach Skill Fleet at ${ctx.url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  if (!response.ok) throw new CliError(await refusalText(response));
  return new Uint8Array(await response.arrayBuffer());
}

/** A JSON `{ error }` body's message, or a plain-text body (the risk gate's refusal) as it is. */
async function refusalText(response: Response): Promise<string> {
  const text = (await response.text().catch(() => "")).trim();
  if (!(response.headers.get("content-type") ?? "").includes("json"))
    return text || `the server answered ${response.status}`;
  try {
    const body = JSON.parse(text) as { error?: unknown };
    return typeof body.error === "string" ? body.error : `the server answered ${response.status}`;
  } catch {
    return `the server answered ${response.status}`;
  }
}

export async function exportCommand(
  ctx: CommandContext,
  skillPath: string,
  flags: { version?: number; out?: string; allowRisk?: boolean },
): Promise<number> {
  const checked = parseTaxonomyPath(skillPath);
  const target = path.resolve(flags.out ?? ".", ...checked.split("/"));
  if (await fs.stat(target).catch(() => null)) throw new CliError(`${target} already exists (nothing was written)`);
  const { files } = await unzipSkill(
    await download(ctx, checked, { version: flags.version, allowRisk: flags.allowRisk }),
  );
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
