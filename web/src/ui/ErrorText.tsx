import { explainError } from "../api/explain-error";

/** A refusal in a store owner's words, announced, next to what caused it. */
export function ErrorText({ error, id }: { error: unknown; id?: string }) {
  if (!error) return null;
  return (
    <p className="error" role="alert" id={id}>
      {explainError(error)}
    </p>
  );
}
