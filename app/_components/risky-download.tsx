"use client";

import dynamic from "next/dynamic";
import { riskReaches } from "@/contracts/risk";
import type { Props } from "./risky-download-confirm";

/**
 * A zip download that asks first when the shown version's scan rates it high or critical: the server refuses such a
 * download (403) unless `allowRisk=1`. The confirm step is loaded only for such a skill (the job page's JavaScript
 * budget, docs/performance.md).
 */
const RiskyDownloadConfirm = dynamic(() => import("./risky-download-confirm"));

export function RiskyDownload({ href, security, testId }: Props) {
  if (security && riskReaches(security.risk, "high"))
    return <RiskyDownloadConfirm href={href} security={security} testId={testId} />;
  return (
    <a className="button" href={href} download data-testid={testId}>
      Download .zip
    </a>
  );
}
