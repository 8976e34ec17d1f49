import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { JobView } from "../../_components/job/job-view";
import { loadJob } from "../../_lib/server-caller";

export const dynamic = "force-dynamic";
export const metadata = { title: "Job" };

/** Unknown (or malformed) job ids get a real 404 page; known ones render the live view, filled from the start. */
export default async function JobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  const job = await loadJob(jobId, await headers());
  if (!job) notFound();
  return <JobView jobId={jobId} initialJob={job} />;
}
