"use client";

import { diffWords } from "diff";

/** A one-paragraph text (a description) changed word by word: removed words struck out, added ones marked. */
export function WordDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  return (
    <p className="diff wrap" aria-label={label} data-testid="word-diff">
      {diffWords(before, after).map((part, i) =>
        part.added ? (
          <ins key={i} className="diff-add">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="diff-del">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}
