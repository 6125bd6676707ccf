import { pyStr } from "@meterkit/core/python";
import type { TaskContext } from "./context.js";
import { checkBadResponse } from "./response.js";

/**
 * Reports the progress of a running CMP account sync task:
 * `POST /tasks/<taskId>/update` with `{ percentage }` (sent as given, not clamped).
 * Does nothing when `taskId` is null/undefined (`""` still sends). Throws
 * {@link BadResponseError} for any status other than 200.
 * @public
 */
export async function setTaskPercentage(
  context: TaskContext,
  taskId: string | number | null | undefined,
  percentage: number | null,
): Promise<void> {
  if (taskId === null || taskId === undefined) return;
  const response = await context.api.post(`/tasks/${pyStr(taskId)}/update`, { percentage });
  checkBadResponse("tasks", response);
}
