import { describe, expect, it } from "vitest";
import { progressReporter } from "./progress-reporter.ts";

/** A stream that keeps what is written to it; a terminal or not. */
function fakeStream(isTTY: boolean) {
  let written = "";
  const stream = {
    isTTY,
    columns: 100,
    write: (chunk: string) => {
      written += chunk;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, written: () => written };
}

describe("the CLI's progress reporter", () => {
  it("S6: in a log or a pipe, plain lines with done, total and failed, at most one per interval, and always the last", () => {
    const out = fakeStream(false);
    let clock = 0;
    const progress = progressReporter({ stream: out.stream, lineEveryMs: 1000, now: () => clock });
    progress.start(1000, "linked");
    progress.update(100, 0);
    clock = 500;
    progress.update(200, 1); // within the interval: no line
    clock = 1500;
    progress.update(400, 2);
    clock = 1600;
    progress.update(700, 2); // within the interval: kept for the end
    progress.stop();
    expect(out.written()).toBe(
      "linked 100/1000, 0 failed\nlinked 400/1000, 2 failed\nlinked 700/1000, 2 failed\n",
    );
  });

  it("S6: the line of a finished run comes at once, and is not repeated by stop", () => {
    const out = fakeStream(false);
    const progress = progressReporter({ stream: out.stream, now: () => 0 });
    progress.start(3, "linked");
    progress.update(1, 0);
    progress.update(3, 1);
    progress.stop();
    expect(out.written()).toBe("linked 1/3, 0 failed\nlinked 3/3, 1 failed\n");
  });

  it("S6: on a terminal, a bar with the counts, redrawn in place", () => {
    const out = fakeStream(true);
    const progress = progressReporter({ stream: out.stream });
    progress.start(10, "linked");
    progress.update(4, 1);
    progress.stop();
    expect(out.written()).toMatch(/linked \[[█░]+\] 4\/10, 1 failed/);
    expect(out.written()).not.toMatch(/linked 4\/10, 1 failed\n/);
  });
});
