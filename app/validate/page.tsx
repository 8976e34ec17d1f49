import { ValidateForm } from "../_components/validate/validate-form";

export const metadata = { title: "Validate" };

export default function ValidatePage() {
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Validate a skill</h1>
      <p className="muted">
        Check a SKILL.md or a zipped skill folder against the Agent Skills specification, portability limits and our
        quality rules. Nothing is saved.
      </p>
      <ValidateForm />
    </section>
  );
}
