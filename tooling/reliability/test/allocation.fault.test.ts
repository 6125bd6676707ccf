/** @meterkit/allocation-client under 1,000 faulty operations, against the Waldur stand-in behind the fault proxy. */
import { collect, createWaldurClient } from "@meterkit/allocation-client";
import { defaultWaldurData, startWaldur } from "@meterkit/sandbox";
import { expect, it } from "vitest";
import { type Operation, runCampaign } from "../src/campaign.js";
import { startFaultRig } from "../src/fault-rig.js";
import { expectResilient, record } from "./support/verdict.js";

const OPERATIONS = 1_000;
const hex = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(32 - prefix.length, "0")}`;

it("allocation-client: every operation completes or fails typed, no POST reaches Waldur twice, no socket left open", async () => {
  // The default marketplace, plus users to grant offering accounts to and orders to approve, each once.
  const data = defaultWaldurData();
  for (let k = 0; k < 100; k++) {
    const uuid = hex("fa017", k);
    data.users.push({
      uuid,
      username: `u${k}`,
      full_name: `User ${k}`,
      email: `u${k}@example.com`,
      organization: "X",
    });
    data.orders.push({
      uuid: hex("0de7", k),
      resource_uuid: data.resources[0]?.uuid ?? "",
      type: "Create",
      state: "pending-provider",
    });
  }
  const waldur = await startWaldur({ data, extraResources: 40 });
  const resources = data.resources.filter((r) => !r.locked).map((r) => r.uuid);
  const resource = resources[0] ?? "";
  const offering = data.offerings[0]?.uuid ?? "";
  const direct = createWaldurClient({ baseUrl: waldur.url, token: waldur.token });
  const [period] = await direct.resources.getPlanPeriods({ resourceUuid: resource });
  if (!period) throw new Error("the stand-in has no plan period for its sample resource");

  const rig = await startFaultRig({ target: waldur.url, seed: 4242, stallMs: 1_400 });
  const client = createWaldurClient({
    baseUrl: rig.proxy.url,
    token: waldur.token,
    dispatcher: rig.dispatcher,
    retry: rig.retry,
    timeoutMs: 300,
    pageSize: 10,
  });
  const operations: Operation[] = Array.from({ length: OPERATIONS }, (_, i) => {
    const k = Math.floor(i / 10);
    const target = resources[i % resources.length] ?? resource;
    switch (i % 10) {
      case 0:
        return { name: `resources.list ${i}`, run: () => collect(client.resources.list({}, { limit: 25 })) };
      case 1:
        return {
          name: `setBackendId ${i}`,
          run: () => client.resources.setBackendId({ resourceUuid: target, backendId: `backend-${i}` }),
        };
      case 2:
        return { name: `users.list ${i}`, run: () => collect(client.users.list({}, { limit: 15 })) };
      case 3:
        return { name: `offerings.get ${i}`, run: () => client.offerings.get({ offeringUuid: offering }) };
      case 4:
        return {
          name: `componentUsages.create ${i}`,
          run: () =>
            client.componentUsages.create({
              planPeriodUuid: period.uuid,
              usages: [{ type: "cpu_k_hours", amount: i, description: `op ${i}` }],
            }),
        };
      case 5:
        return { name: `getTeam ${i}`, run: () => client.resources.getTeam({ resourceUuid: resource }) };
      case 6:
        return {
          name: `submitReport ${i}`,
          run: () =>
            client.resources.submitReport({
              resourceUuid: target,
              report: [{ header: `report ${i}`, body: "access: ssh" }],
            }),
        };
      case 7:
        return { name: `orders.list ${i}`, run: () => collect(client.orders.list({}, { limit: 20 })) };
      case 8:
        return {
          name: `offeringUsers.create ${i}`,
          run: () => client.offeringUsers.create({ offering, user: hex("fa017", k), username: `login-${k}` }),
        };
      default:
        return {
          name: `orders.approve ${i}`,
          run: () => client.orders.approve({ orderUuid: hex("0de7", k) }),
        };
    }
  });
  const untyped: string[] = [];
  const row = record(
    await runCampaign({
      client: "allocation-client",
      proxy: rig.proxy,
      operations,
      concurrency: 8,
      retries: rig.retries,
      closeClient: () => rig.dispatcher.close(),
      onUntyped: (op, error) => untyped.push(`${op}: ${String(error)}`),
    }),
  );
  await rig.proxy.close();
  await waldur.close();
  expect(untyped.slice(0, 5)).toEqual([]);
  expect(row.retries).toBeGreaterThan(0);
  expectResilient(row, OPERATIONS);
});
