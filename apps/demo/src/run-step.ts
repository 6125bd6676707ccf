/** Runs one step: progress display, timing, the step's record in the report, and a clear failure. */
import type { DemoReport, ServiceInfo, StepRecord } from "./report/model.js";
import type { Progress } from "./report/progress.js";
import { oneLine } from "./services/cloudkitty.js";

/** A step failed: which one, and why (the cause keeps the original error). */
export class StepFailedError extends Error {
  override readonly name = "StepFailedError";
  constructor(
    readonly step: StepRecord["id"],
    readonly title: string,
    cause: unknown,
  ) {
    super(`[@meterkit/demo] step "${title}" failed: ${oneLine(cause)}`, { cause });
  }
}

/** Runs `fn` as step `id`; `summarize` turns its result into the summary line. */
export async function runStep<T>(
  report: DemoReport,
  progress: Progress,
  step: { id: StepRecord["id"]; title: string; service: ServiceInfo["name"] | null },
  fn: () => Promise<T>,
  summarize: (result: T) => string,
): Promise<T> {
  const handle = progress.start(step.title);
  try {
    const result = await fn();
    const summary = summarize(result);
    report.steps.push({ ...step, status: "ok", durationMs: handle.done(summary), summary });
    return result;
  } catch (error) {
    const message = oneLine(error);
    report.steps.push({ ...step, status: "failed", durationMs: handle.fail(message), summary: message });
    throw new StepFailedError(step.id, step.title, error);
  }
}
