import Link from "next/link";

export default function NotFound() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Not found</h1>
      <p>
        There is nothing at this address. <Link href="/">Create a skill</Link> or browse the{" "}
        <Link href="/jobs">jobs</Link>.
      </p>
    </section>
  );
}
