"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import type { EditorFile } from "./use-skill-files";

export type Report = RouterOutputs["skills"]["validate"];

/** How long typing must pause before the files are validated again. */
export const VALIDATE_DEBOUNCE_MS = 400;

/**
 * Findings as you type: the text files are sent to `skills.validate` (keyed `<folder>/<path>`) once typing pauses;
 * an answer to an older request is ignored when a newer one was sent.
 */
export function useFindings(folder: string, files: EditorFile[]): { report: Report | null; checking: boolean } {
  const trpc = useTRPC();
  const validate = useMutation(trpc.skills.validate.mutationOptions());
  const { mutateAsync } = validate;
  const [report, setReport] = useState<Report | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(() => {
      const map = Object.fromEntries(files.filter((f) => !f.binary).map((f) => [`${folder}/${f.path}`, f.content]));
      mutateAsync({ files: map }).then(
        (result) => request === latest.current && setReport(result),
        () => undefined,
      );
    }, VALIDATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [folder, files, mutateAsync]);
  return { report, checking: validate.isPending };
}

/** The findings about one file (their `path` is `<folder>/<file>`). */
export function findingsOf(report: Report | null, folder: string, path: string) {
  return (report?.findings ?? []).filter((finding) => finding.path === `${folder}/${path}`);
}
