/**
 * The seed's whole provider workflow against the Waldur stand-in (a real HTTP server): list allocations
 * in `Creating`, approve the order, set the backend id, submit a report, get the team, report usage for
 * every offering component, grant a user access — on both server generations.
 */
import { startWaldur, type WaldurStandIn } from "@meterkit/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { collect, createWaldurClient, type Generation, isStateConflict } from "./support/client.js";

let w: WaldurStandIn | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe.each(["current", "legacy"] as Generation[])("provider workflow on %s servers", (generation) => {
  it("allocates, reports usage and grants access", async () => {
    w = await startWaldur({ generation });
    const waldur = createWaldurClient({
      baseUrl: w.url,
      token: w.token,
      generation,
      conflictRetry: { delayMs: 1 },
    });

    const offering = w.data.resources[0]!.offering_uuid;
    const pending = await collect(
      waldur.orders.list({
        state: generation === "current" ? "pending-provider" : "pending",
        offering_uuid: offering,
      }),
    );
    expect(pending.length).toBeGreaterThan(0);
    const order =
      pending.find((o) => o.marketplace_resource_uuid === w!.data.resources[0]!.uuid) ?? pending[0]!;
    const resourceUuid = order.marketplace_resource_uuid!;
    if (generation === "current") w.data.resources.find((r) => r.uuid === resourceUuid)!.state = "Creating";

    const creating = await collect(
      waldur.resources.list({ state: "Creating", offeringUuid: offering, fields: ["uuid", "name", "state"] }),
    );
    if (generation === "current") expect(creating.map((r) => r.uuid)).toContain(resourceUuid);

    await waldur.orders.approve({ orderUuid: order.uuid! });
    if (generation === "legacy")
      await waldur.orders.approve({ orderUuid: order.uuid! }); // pending → executing → done
    else await waldur.orders.setDone({ orderUuid: order.uuid! }); // approve_by_provider → executing; the agent finishes
    expect(w.data.resources.find((r) => r.uuid === resourceUuid)!.state).toBe("OK");

    expect(
      await waldur.resources.setBackendId({ resourceUuid, backendId: "lumi_project_462000123" }),
    ).toEqual({
      status: "Resource backend_id has been changed.",
    });
    expect(
      await waldur.resources.submitReport({
        resourceUuid,
        report: [{ header: "Login", body: "ssh lumi.csc.fi" }],
      }),
    ).toEqual({ status: "Report is submitted" });
    expect(w.data.resources.find((r) => r.uuid === resourceUuid)!.report).toEqual([
      { header: "Login", body: "ssh lumi.csc.fi" },
    ]);

    const team = await waldur.resources.getTeam({ resourceUuid });
    expect(team.length).toBeGreaterThan(0);

    const details = await waldur.offerings.get({ offeringUuid: offering });
    const types = (details.components ?? []).map((c) => c.type!);
    const [period] = await waldur.resources.getPlanPeriods({ resourceUuid });
    await waldur.componentUsages.create({
      planPeriodUuid: period!.uuid,
      usages: types.map((type) => ({ componentType: type, amount: 10, description: "Usage" })),
    });
    const after = await waldur.resources.getPlanPeriods({ resourceUuid });
    expect(after[0]!.components!.map((c) => [c.type, c.usage])).toEqual(types.map((t) => [t, "10.00"]));

    const user = team[0]!.uuid!;
    const account = await waldur.offeringUsers.create({ offering, user, username: "csc_user_01" });
    expect(account).toMatchObject({ offering_uuid: offering, user_uuid: user, username: "csc_user_01" });

    // The order was decided: deciding again is a state conflict (current) or a DRF bare-list 400 (legacy).
    const again = await waldur.orders.reject({ orderUuid: order.uuid! }).catch((e: unknown) => e);
    if (generation === "current") expect(isStateConflict(again)).toBe(true);
    else
      expect(again).toMatchObject({
        status: 400,
        body: ["Order item is not in executing or pending state."],
      });
  });
});
