"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

/**
 * The checkpoints this page sent (or is sending) an answer to. When the job's open checkpoint goes away and it is
 * not in here, someone answered it elsewhere (another tab, the CLI), and the page says so.
 */
const AnsweredHere = createContext<Set<string> | null>(null);

export function AnsweredHereProvider({ children }: { children: ReactNode }) {
  const [ids] = useState(() => new Set<string>());
  return <AnsweredHere.Provider value={ids}>{children}</AnsweredHere.Provider>;
}

export function useAnsweredHere(): Set<string> {
  const ids = useContext(AnsweredHere);
  if (!ids) throw new Error("useAnsweredHere needs an AnsweredHereProvider (the job page has one)");
  return ids;
}
