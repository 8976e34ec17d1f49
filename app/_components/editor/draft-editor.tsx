"use client";

import { queryState } from "../query-state";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "../../_lib/trpc";
import { editorFiles } from "./library-editor";
import { SkillEditor } from "./skill-editor";

/** A job's draft in the editor: saved as the draft's next revision, from any server (the draft is in the database). */
export function DraftEditor({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const draft = useQuery({ ...trpc.drafts.get.queryOptions({ jobId }), staleTime: Infinity });
  const save = useMutation(
    trpc.drafts.save.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.drafts.get.queryKey({ jobId }) });
        await queryClient.invalidateQueries({ queryKey: trpc.jobs.get.queryKey({ jobId }) });
        router.push(`/jobs/${jobId}`);
      },
    }),
  );
  const waiting = queryState(draft);
  if (waiting || !draft.data) return waiting;
  if (draft.data.promoted) return <p className="muted">This draft is in the library now: edit the library skill.</p>;
  const { revision, skillPath } = draft.data;
  return (
    <SkillEditor
      folder={skillPath.split("/").at(-1) ?? "skill"}
      base={`draft revision ${revision}`}
      initial={editorFiles(draft.data.files)}
      save={{ pending: save.isPending, error: save.error }}
      onSave={(files, message) => save.mutate({ jobId, revision, files, message })}
    />
  );
}
