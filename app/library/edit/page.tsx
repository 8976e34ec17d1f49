import Link from "next/link";
import { LibraryEditor } from "../../_components/editor/library-editor";

export const metadata = { title: "Edit skill" };

/** The editor route: the only page that loads CodeMirror (the job page's bundle stays as it was). */
export default async function EditSkillPage({ searchParams }: { searchParams: Promise<{ path?: string }> }) {
  const { path } = await searchParams;
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Edit {path ?? "skill"}</h1>
      {path ? (
        <>
          <p>
            <Link href={`/library?path=${encodeURIComponent(path)}`}>Back to the library</Link>
          </p>
          <LibraryEditor path={path} />
        </>
      ) : (
        <p className="muted">Choose a skill in the library to edit it.</p>
      )}
    </section>
  );
}
