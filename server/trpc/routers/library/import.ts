import { publicProcedure } from "../../trpc";
import { importInput, savedOutput } from "./schemas";
import { savedView } from "./saved";

/** A zip (or a folder's files) as a new skill or as the next version of the skill at that path. */
export const importProcedure = publicProcedure
  .input(importInput)
  .output(savedOutput)
  .mutation(async ({ input, ctx }) => {
    const { library } = ctx.services;
    const author = { authorId: ctx.userId, message: input.message };
    const version =
      "zipBase64" in input
        ? await library.importArchive(new Uint8Array(Buffer.from(input.zipBase64, "base64")), {
            ...author,
            path: input.path,
          })
        : await library.importInputs({ ...author, path: input.path, inputs: input.files });
    const skill = await library.skillOf(version);
    return savedView(library, skill.path, version);
  });
