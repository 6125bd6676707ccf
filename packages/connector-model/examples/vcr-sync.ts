import {
  type CmpContext,
  connectorHandler,
  Logger,
  Server,
  serializeList,
  setTaskPercentage,
} from "@meterkit/connector-model";
import { request } from "undici";

/** A sync event, as CMP sends it. */
export interface SyncEvent {
  task_id: string;
  customer_id: string;
  account_id: string;
}

/**
 * A connector's sync: the provider's servers read with a plain `undici.request`, progress and a log
 * line sent to CMP through the context. `connectorHandler` waits for the log line before resolving.
 */
export const sync = connectorHandler(async (event: SyncEvent, context: CmpContext) => {
  const logger = new Logger({ context, customerId: event.customer_id, accountId: event.account_id });
  const response = await request(`${process.env.PROVIDER_URL}/servers`, {
    headers: { "x-api-key": process.env.PROVIDER_KEY ?? "" },
  });
  const servers = (await response.body.json()) as { id: string; name: string }[];
  logger.info(`${servers.length} servers`);
  await setTaskPercentage(context, event.task_id, 100);
  return serializeList(servers.map((server) => new Server(server)));
});
