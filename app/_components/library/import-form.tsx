"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../../_lib/trpc";
import { base64Of, folderFiles } from "./read-files";

/** Upload a skill as a .zip or a folder: a new skill, or the next version of the skill at that path. */
export function ImportForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [path, setPath] = useState("");
  const imported = useMutation(
    trpc.library.import.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() });
        router.push(`/library?path=${encodeURIComponent(saved.path)}`);
      },
    }),
  );
  const fromZip = async (file: File | undefined) => {
    if (file) imported.mutate({ zipBase64: await base64Of(file), path: path.trim() || undefined, message: "" });
  };
  const fromFolder = async (files: FileList | null) => {
    if (!files?.length) return;
    const folder = await folderFiles(files);
    imported.mutate({ files: folder.files, path: path.trim() || folder.folder, message: "" });
  };
  return (
    <details>
      <summary>Import a skill (.zip or folder)</summary>
      <div className="stack">
        <label htmlFor="import-path">
          Library path <span className="hint">optional: the zip&apos;s or folder&apos;s name by default</span>
        </label>
        <input id="import-path" value={path} placeholder="testing/my-skill" onChange={(e) => setPath(e.target.value)} />
        <label htmlFor="import-zip">Zip file</label>
        <input
          id="import-zip"
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => void fromZip(e.target.files?.[0])}
        />
        <label htmlFor="import-folder">Folder</label>
        <input
          id="import-folder"
          type="file"
          multiple
          {...{ webkitdirectory: "" }}
          onChange={(e) => void fromFolder(e.target.files)}
        />
        {imported.isPending && <p className="muted">Importing…</p>}
        {imported.error && (
          <p className="alert alert-error" role="alert">
            {imported.error.message}
          </p>
        )}
      </div>
    </details>
  );
}
