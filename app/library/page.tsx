import { Suspense } from "react";
import { LibraryBrowser } from "../_components/library/library-browser";

export const metadata = { title: "Library" };

export default function LibraryPage() {
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Library</h1>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <LibraryBrowser />
      </Suspense>
    </section>
  );
}
