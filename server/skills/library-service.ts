import { availableSkillsXml, get, libraryFor, search, tree } from "./library";
import { validateSkillDirectory } from "./validator";

/** The skill library as the API uses it (server/services.ts): browse, read, export, download. */
export function libraryService(root?: string) {
  return {
    tree: () => tree(root),
    search: (q: string) => search(q, root),
    xml: () => availableSkillsXml(root),
    /** A skill with its whole folder validated on the server (references, sizes, names), not just its SKILL.md. */
    async detail(skillPath: string) {
      const { dir, ...detail } = await get(skillPath, root);
      return { ...detail, validation: await validateSkillDirectory(dir) };
    },
    /** The folder to zip for a library skill. */
    async archiveSource(skillPath: string): Promise<{ dir: string; name: string }> {
      const entry = await libraryFor(root).entry(skillPath);
      return { dir: entry.dir, name: entry.name };
    },
  };
}

export type LibraryService = ReturnType<typeof libraryService>;
