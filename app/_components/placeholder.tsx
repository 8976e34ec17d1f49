/** A page whose feature has not landed yet says so plainly instead of pretending. */
export function Placeholder({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p className="notice" role="note">
        Not built yet. {children}
      </p>
    </section>
  );
}
