import type { ReactNode } from "react";

/**
 * A wide table's box, which scrolls sideways on a phone: focusable, so that a keyboard can
 * scroll it too (WCAG 2.1.1), and named for what it holds.
 */
export function ScrollBox({
  label,
  busy,
  children,
}: {
  label: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-label={label} aria-busy={busy}>
      {children}
    </div>
  );
}
