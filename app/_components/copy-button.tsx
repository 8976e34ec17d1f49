"use client";

import { useState } from "react";

/** Copies `text` to the clipboard and says so for a moment (announced politely to screen readers). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  return (
    <>
      <button type="button" onClick={copy} aria-label={label}>
        Copy
      </button>
      <span role="status" aria-live="polite" className="hint">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the command instead" : ""}
      </span>
    </>
  );
}
