"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { authClient, safeNextPath } from "../../_lib/auth-client";
import { useTRPC } from "../../_lib/trpc";
import { ProviderButtons } from "./provider-buttons";

type Mode = "sign-in" | "sign-up";

interface Fields {
  username: string;
  email: string;
  password: string;
}

async function submitFields(mode: Mode, fields: Fields): Promise<string | null> {
  const result =
    mode === "sign-in"
      ? await authClient.signIn.username({ username: fields.username, password: fields.password })
      : await authClient.signUp.email({ ...fields, name: fields.username });
  return result.error ? (result.error.message ?? "Sign-in failed.") : null;
}

function TextField(props: { label: string; type: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  const autoComplete = props.type === "password" ? "current-password" : props.type === "email" ? "email" : "username";
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type}
        required
        autoComplete={autoComplete}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/** The sign-in form in shared mode; a local server says there is nothing to sign in to. */
export function SignInForm() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  if (me.data?.mode === "local")
    return <p className="notice">This server runs in local single-user mode: nobody needs to sign in.</p>;
  return <CredentialsForm providers={me.data?.providers ?? null} />;
}

/** Username and password (sign in, or create an account), plus GitHub / OIDC when the server offers them. */
function CredentialsForm({ providers }: { providers: { github: boolean; oidc: boolean } | null }) {
  const next = safeNextPath(useSearchParams().get("next"));
  const [mode, setMode] = useState<Mode>("sign-in");
  const [fields, setFields] = useState<Fields>({ username: "", email: "", password: "" });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const problem = await submitFields(mode, fields);
    if (problem) return setError(problem);
    window.location.assign(next);
  }

  return (
    <form className="card stack" onSubmit={submit} aria-label={mode === "sign-in" ? "Sign in" : "Create an account"}>
      <TextField label="Username" type="text" value={fields.username} onChange={set("username")} />
      {mode === "sign-up" && <TextField label="Email" type="email" value={fields.email} onChange={set("email")} />}
      <TextField label="Password" type="password" value={fields.password} onChange={set("password")} />
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {mode === "sign-in" ? "Sign in" : "Create account"}
        </button>
        <button type="button" onClick={() => setMode(mode === "sign-in" ? "sign-up" : "sign-in")}>
          {mode === "sign-in" ? "Create an account instead" : "I have an account"}
        </button>
      </div>
      {providers && <ProviderButtons providers={providers} next={next} />}
    </form>
  );
}
