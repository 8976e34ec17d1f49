"use client";

import { queryState } from "../query-state";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { SkillEditor } from "./skill-editor";
import type { EditorFile } from "./use-skill-files";

type FileView = RouterOutputs["library"]["get"]["files"][number];

export const editorFiles = (files: FileView[]): EditorFile[] =>
  files.map((file) => ({ ...file, from: file.binary ? file.path : null }));

/** A library skill in the editor: saved as the next version on top of the one it was opened at. */
export function LibraryEditor({ path }: { path: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const skill = useQuery({ ...trpc.library.get.queryOptions({ path }), staleTime: Infinity });
  const save = useMutation(
    trpc.library.save.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() });
        router.push(`/library?path=${encodeURIComponent(path)}`);
      },
    }),
  );
  const waiting = queryState(skill);
  if (waiting || !skill.data) return waiting;
  const baseVersion = skill.data.version.number ?? skill.data.headVersion;
  return (
    <SkillEditor
      folder={path.split("/").at(-1) ?? "skill"}
      base={`version ${baseVersion}`}
      initial={editorFiles(skill.data.files)}
      save={{ pending: save.isPending, error: save.error }}
      onSave={(files, message) => save.mutate({ path, baseVersion, files, message })}
    />
  );
}
