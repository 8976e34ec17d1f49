"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "../../_lib/trpc";
import { EvalStartForm } from "./eval-start";

/** On a library skill's page: evaluate a version, against no skill or an older version. */
export function LibraryEvalStart({ path, head }: { path: string; head: number }) {
  const trpc = useTRPC();
  const id = useId();
  const versions = useQuery(trpc.library.versions.queryOptions({ path }));
  const numbers = (versions.data?.items ?? []).flatMap((v) => (v.number === null ? [] : [v.number]));
  const [version, setVersion] = useState(head);
  const [compareWith, setCompareWith] = useState<number | undefined>(undefined);
  const others = numbers.filter((n) => n !== version);
  return (
    <EvalStartForm
      title="Run evals"
      blurb="Run this skill's test cases with a version loaded and, as the baseline, without the skill or with another version; then its trigger queries against the library."
      source={{ kind: "library", path, version }}
      compareWith={compareWith !== version ? compareWith : undefined}
    >
      <label htmlFor={`${id}-version`}>Version to evaluate</label>
      <select id={`${id}-version`} value={version} onChange={(e) => setVersion(Number(e.target.value))}>
        {(numbers.length ? numbers : [head]).map((n) => (
          <option key={n} value={n}>
            Version {n}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-baseline`}>Baseline</label>
      <select
        id={`${id}-baseline`}
        value={compareWith ?? ""}
        onChange={(e) => setCompareWith(e.target.value ? Number(e.target.value) : undefined)}
      >
        <option value="">Without the skill</option>
        {others.map((n) => (
          <option key={n} value={n}>
            Version {n}
          </option>
        ))}
      </select>
    </EvalStartForm>
  );
}
