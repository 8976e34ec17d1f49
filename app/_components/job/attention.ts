"use client";

import { useEffect, useState } from "react";
import type { RouterOutputs } from "../../_lib/router-types";
import { statusLabel } from "../../_lib/status-labels";
import { useAnsweredHere } from "./answered-here";
import { CHECKPOINT_TITLES } from "./checkpoint-panel";
import { notifyIfHidden } from "./notifications";

type Job = RouterOutputs["jobs"]["get"];

/** Statuses in which a checkpoint closes without an answer from anyone (no "answered elsewhere" notice then). */
const CLOSED_WITHOUT_ANSWER = new Set(["cancelled", "failed"]);
const TERMINAL = new Set(["completed", "pending_review", "failed", "cancelled"]);

/** The skill's name as far as the job knows it: the result's, the question's, else the start of the task. */
export function skillNameOf(job: Job): string {
  const checkpoint = job.pendingCheckpoint;
  const fromPrompt = (() => {
    if (!checkpoint?.readable) return null;
    if (checkpoint.type === "structure_fix") return checkpoint.prompt.currentValues.name;
    if (checkpoint.type === "confirm") return checkpoint.prompt.path.split("/").at(-1) ?? null;
    if (checkpoint.type === "preview" || checkpoint.type === "validate")
      return /^name:\s*(.+)$/m.exec(checkpoint.prompt.content)?.[1]?.trim() ?? null;
    return null;
  })();
  const name = job.result?.name ?? fromPrompt;
  return name || (job.task.length > 40 ? `${job.task.slice(0, 39)}…` : job.task);
}

export interface Attention {
  /** The latest thing worth saying to a screen reader: a new question, or how the job ended. */
  announcement: string;
  /** Set when the question this page showed was answered somewhere else. */
  answeredElsewhere: string | null;
  dismiss(): void;
}

/**
 * A checkpoint you cannot miss (docs/ui.md, Checkpoints): each new one is announced, takes the focus and the tab
 * title ("● Needs your answer · <skill>"), and notifies a hidden tab if the user opted in; one answered in another
 * tab closes this tab's form with a notice instead of silently.
 */
export function useCheckpointAttention(job: Job): Attention {
  const answeredHere = useAnsweredHere();
  const currentId = job.pendingCheckpoint?.id ?? null;
  const [seen, setSeen] = useState<Seen>({ id: null, status: job.status });
  const [announcement, setAnnouncement] = useState("");
  const [answeredElsewhere, setAnsweredElsewhere] = useState<string | null>(null);
  if (seen.id !== currentId || seen.status !== job.status) {
    // Derived during render (React's pattern for state that follows changing data): no extra render pass.
    setSeen({ id: currentId, status: job.status });
    const change = whatChanged(seen, job, answeredHere);
    if (change.announcement) setAnnouncement(change.announcement);
    if (change.answeredElsewhere) setAnsweredElsewhere(change.answeredElsewhere);
  }
  useFocusAndNotify(job, currentId);
  useWaitingTitle(job.pendingCheckpoint ? skillNameOf(job) : null);
  return { announcement, answeredElsewhere, dismiss: () => setAnsweredElsewhere(null) };
}

interface Seen {
  id: string | null;
  status: string;
}

/** What to say when the job moved on from what the page last showed. */
function whatChanged(seen: Seen, job: Job, answeredHere: Set<string>): Partial<Omit<Attention, "dismiss">> {
  const current = job.pendingCheckpoint;
  const change: Partial<Omit<Attention, "dismiss">> = {};
  if (current && seen.id !== current.id)
    change.announcement = `${CHECKPOINT_TITLES[current.type]}: the job needs your answer.`;
  else if (TERMINAL.has(job.status) && seen.status !== job.status)
    change.announcement = `The job is ${statusLabel(job.status)}.`;
  const closed = seen.id !== null && seen.id !== current?.id;
  if (closed && !answeredHere.has(seen.id ?? "") && !CLOSED_WITHOUT_ANSWER.has(job.status))
    change.answeredElsewhere = "This question was answered in another tab or window, so its form here was closed.";
  return change;
}

function useFocusAndNotify(job: Job, checkpointId: string | null): void {
  const type = job.pendingCheckpoint?.type;
  useEffect(() => {
    if (!checkpointId || !type) return;
    document.getElementById("checkpoint-title")?.focus();
    notifyIfHidden("Skill Fleet: a job needs your answer", CHECKPOINT_TITLES[type], checkpointId);
  }, [checkpointId, type]);
}

/**
 * The tab title while the job waits. Next.js may (re)write the page's <title> after hydration (streamed metadata), so
 * the title is put back whenever the head changes, until the job stops waiting; then the page's own title returns.
 */
function useWaitingTitle(skill: string | null): void {
  useEffect(() => {
    if (!skill) return;
    const wanted = `● Needs your answer · ${skill}`;
    // The page's own title, as Next.js sets it (possibly after this effect first runs), to put back afterwards.
    let pageTitle = document.title;
    const apply = () => {
      if (document.title === wanted) return;
      if (document.title) pageTitle = document.title;
      document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = pageTitle;
    };
  }, [skill]);
}
