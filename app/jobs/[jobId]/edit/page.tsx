import Link from "next/link";
import { DraftEditor } from "../../../_components/editor/draft-editor";

export const metadata = { title: "Edit draft" };

/** A job's draft in the editor (CodeMirror is loaded by this route only). */
export default async function EditDraftPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Edit the draft</h1>
      <p>
        <Link href={`/jobs/${jobId}`}>Back to the job</Link>
      </p>
      <DraftEditor jobId={jobId} />
    </section>
  );
}
