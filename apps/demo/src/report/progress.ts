/**
 * The progress display while steps run: on a terminal, a spinner line per step that turns into ✔ or ✗;
 * otherwise (a pipe, a CI log) one plain line when a step starts and one when it ends.
 */

/** Where progress goes. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** A running step's handle. */
export interface StepProgress {
  done(summary: string): number;
  fail(message: string): number;
}

/** Creates the display; `animate` false forces plain lines. */
export function createProgress(out: ProgressSink, animate: boolean, total: number) {
  let index = 0;
  return {
    /** Shows that step `title` started; returns its handle (the durations it returns are in ms). */
    start(title: string): StepProgress {
      index += 1;
      const label = `[${index}/${total}] ${title}`;
      const began = performance.now();
      const elapsed = () => Math.round(performance.now() - began);
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      let timer: NodeJS.Timeout | undefined;
      if (animate && out.isTTY) {
        let frame = 0;
        const draw = () =>
          out.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${label}  ${seconds(elapsed())}`);
        draw();
        timer = setInterval(draw, 80);
        timer.unref();
      } else out.write(`… ${label}\n`);
      const end = (mark: string, text: string) => {
        if (timer) clearInterval(timer);
        const ms = elapsed();
        const prefix = timer ? "\r\x1b[2K" : "";
        out.write(`${prefix}${mark} ${label}: ${text} (${seconds(ms)})\n`);
        return ms;
      };
      return { done: (summary) => end("✔", summary), fail: (message) => end("✗", message) };
    },
  };
}

/** The display {@link createProgress} returns. */
export type Progress = ReturnType<typeof createProgress>;
