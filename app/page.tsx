import { Suspense } from "react";
import { TaskForm } from "./_components/create/task-form";

export default function CreatePage() {
  return (
    <section aria-labelledby="page-title" className="stack" style={{ maxWidth: "48rem" }}>
      <h1 id="page-title">Create a skill</h1>
      <p className="muted">
        Describe the task in your own words. Skill Fleet works out what the skill needs, writes it, validates it, and
        asks you when something needs a decision.
      </p>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <TaskForm />
      </Suspense>
    </section>
  );
}
