import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ok } from "../api/client";
import type { components } from "../api/hub-api";
import { explainError } from "../api/explain-error";

type User = components["schemas"]["User"];

export function SignInScreen({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({
    mutationFn: () => ok(api.POST("/auth/sessions", { body: { email, password } })),
    onSuccess: (session) => onSignedIn(session.user),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <main className="sign-in">
      <h1>Tandem</h1>
      <form onSubmit={submit} aria-describedby={signIn.error ? "sign-in-error" : undefined}>
        <h2>Sign in</h2>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {signIn.error && (
          <p id="sign-in-error" className="error" role="alert">
            {explainError(signIn.error)}
          </p>
        )}
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
