import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ok } from "../api/client";
import { ErrorText } from "../ui/ErrorText";

/**
 * The link an admin gives a new person (/welcome#<invitation>): they set their password and are
 * signed in. The invitation is in the address's fragment, which browsers never send to a server.
 */
export function WelcomeScreen() {
  const token = window.location.hash.slice(1);
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const accept = useMutation({
    mutationFn: () => ok(api.POST("/auth/invitations/acceptance", { body: { token, password } })),
    onSuccess: () => window.location.assign("/"),
  });
  const mismatch = again !== "" && again !== password;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) accept.mutate();
  };
  return (
    <main className="sign-in">
      <h1>Welcome to Tandem</h1>
      {!token ? (
        <p role="alert">This link has no invitation in it. Ask your admin for a new one.</p>
      ) : (
        <form onSubmit={submit}>
          <h2>Choose your password</h2>
          <p className="muted">At least 12 characters.</p>
          <label>
            Password
            <input
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <label>
            The same password again
            <input
              type="password"
              autoComplete="new-password"
              required
              value={again}
              onChange={(e) => setAgain(e.target.value)}
              aria-invalid={mismatch}
            />
          </label>
          {mismatch && (
            <p className="error" role="alert">
              The two passwords are not the same.
            </p>
          )}
          <ErrorText error={accept.error} />
          <button type="submit" disabled={accept.isPending || mismatch}>
            Set password and sign in
          </button>
        </form>
      )}
    </main>
  );
}
