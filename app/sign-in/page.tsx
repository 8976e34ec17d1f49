import { Suspense } from "react";
import { SignInForm } from "../_components/account/sign-in-form";

export const metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Sign in</h1>
      <p className="muted">This Skill Fleet is shared: sign in to see and create your own skill jobs.</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </section>
  );
}
