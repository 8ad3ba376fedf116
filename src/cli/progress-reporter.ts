import { Presets, SingleBar } from "cli-progress";

/**
 * How a long command (bulk link, bulk create, import) shows how far it is: a bar that redraws in
 * place on a terminal, plain lines ("linked 400/1000, 2 failed") in a log or a pipe.
 *
 * @example
 * const progress = progressReporter();
 * progress.start(1000, "linked");
 * progress.update(400, 2); // a terminal sees the bar move; a log gets "linked 400/1000, 2 failed"
 * progress.stop();
 */
export interface ProgressReporter {
  /** a run of `total` items begins; `label` says what is done to them ("linked", "imported") */
  start(total: number, label: string): void;
  /** `done` items are finished so far (the failed ones among them) */
  update(done: number, failed: number): void;
  /** the run is over: the bar stays as it last was, or a last line says where it ended */
  stop(): void;
}

export interface ProgressOptions {
  /** where progress goes: stderr by default, so that stdout holds only the command's result */
  stream?: NodeJS.WriteStream;
  /** a bar or lines; default: a bar when the stream is a terminal */
  bar?: boolean;
  /** at most one plain line per this many milliseconds (the last one always comes) */
  lineEveryMs?: number;
  now?: () => number;
}

/**
 * A ProgressReporter. Progress goes to stderr, not stdout: a person who sends the result to a
 * file (`> results.csv`) still watches the bar, and a program reading stdout never gets
 * progress mixed into it. Whether to draw a bar is decided by that stream being a terminal.
 */
export function progressReporter(options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  return (options.bar ?? stream.isTTY === true)
    ? barReporter(stream)
    : lineReporter(stream, options.lineEveryMs ?? 2000, options.now ?? Date.now);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let bar: SingleBar | undefined;
  return {
    start(total, label) {
      bar = new SingleBar(
        {
          stream,
          format: `${label} [{bar}] {value}/{total}, {failed} failed | {eta_formatted} left`,
          hideCursor: true,
          etaBuffer: 20,
        },
        Presets.shades_classic,
      );
      bar.start(total, 0, { failed: 0 });
    },
    update(done, failed) {
      bar?.update(done, { failed });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function lineReporter(
  stream: NodeJS.WriteStream,
  everyMs: number,
  now: () => number,
): ProgressReporter {
  let run: { total: number; label: string; done: number; failed: number } | undefined;
  let shown = "";
  let shownAt = -Infinity;
  const show = () => {
    if (!run) return;
    const line = `${run.label} ${run.done}/${run.total}, ${run.failed} failed`;
    if (line === shown) return;
    stream.write(`${line}\n`);
    shown = line;
    shownAt = now();
  };
  return {
    start(total, label) {
      run = { total, label, done: 0, failed: 0 };
      shown = "";
      shownAt = -Infinity;
    },
    update(done, failed) {
      if (!run) return;
      run.done = done;
      run.failed = failed;
      // a log of a long run gets a line every few seconds, not one per item
      if (done >= run.total || now() - shownAt >= everyMs) show();
    },
    stop() {
      show();
      run = undefined;
    },
  };
}
