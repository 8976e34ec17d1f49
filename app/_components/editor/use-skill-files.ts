"use client";

import { useCallback, useState } from "react";

/** A file as the editor holds it: text being edited, or a binary file carried over from the base version. */
export interface EditorFile {
  path: string;
  content: string;
  binary: boolean;
  size: number;
  /** For a binary file: its path in the version the edit started from (kept byte for byte on save). */
  from: string | null;
}

export type FileInput = { path: string; text: string } | { path: string; from: string };

const FILE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Why a path is refused (the server checks again), or null. */
export function pathProblem(path: string, files: EditorFile[], except?: string): string | null {
  if (!FILE_PATH.test(path) || path.includes("..")) return "Use letters, digits, '.', '-', '_' and '/' between folders";
  if (files.some((file) => file.path === path && file.path !== except)) return `${path} already exists`;
  return null;
}

export function toInputs(files: EditorFile[]): FileInput[] {
  return files.map((file) =>
    file.binary && file.from ? { path: file.path, from: file.from } : { path: file.path, text: file.content },
  );
}

/** The editor's file set: edit, add, rename and delete files; SKILL.md cannot be deleted or renamed. */
export function useSkillFiles(initial: EditorFile[]) {
  const [files, setFiles] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const change = useCallback((next: (current: EditorFile[]) => EditorFile[]) => {
    setFiles(next);
    setDirty(true);
  }, []);
  return {
    files,
    dirty,
    setText: (path: string, content: string) =>
      change((current) => current.map((file) => (file.path === path ? { ...file, content } : file))),
    add: (path: string) => change((current) => [...current, { path, content: "", binary: false, size: 0, from: null }]),
    rename: (from: string, to: string) =>
      change((current) => current.map((file) => (file.path === from ? { ...file, path: to } : file))),
    remove: (path: string) => change((current) => current.filter((file) => file.path !== path)),
    reset: (next: EditorFile[]) => {
      setFiles(next);
      setDirty(false);
    },
  };
}
