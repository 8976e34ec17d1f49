import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { JobTimeline } from "../../../_components/job/job-timeline";
import { loadJob } from "../../../_lib/server-caller";

export const dynamic = "force-dynamic";
export const metadata = { title: "Job timeline" };

export default async function JobTimelinePage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  if (!(await loadJob(jobId, await headers()))) notFound();
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Job timeline</h1>
      <JobTimeline jobId={jobId} />
    </section>
  );
}
