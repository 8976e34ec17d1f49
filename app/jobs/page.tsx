import { Suspense } from "react";
import { JobHistory } from "../_components/jobs/job-history";

export const metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Jobs</h1>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <JobHistory />
      </Suspense>
    </section>
  );
}
