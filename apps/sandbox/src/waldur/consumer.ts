/**
 * What consumers do in Waldur's UI, for scripted scenarios: order a new allocation, change its limits,
 * terminate it, join or leave its project. Orders land in `pending-provider` (the consumer side has already
 * approved), as the provider's agent finds them. Not an HTTP route: the stand-in serves the provider's API.
 */
import { randomUUID } from "node:crypto";
import type { OrderRecord, ResourceRecord, WaldurData } from "./data.js";
import { OFFERING, PLAN, PROJECT } from "./default-data.js";

const newUuid = () => randomUUID().replaceAll("-", "");

export interface CreateOrderInput {
  name: string;
  limits: Record<string, number>;
  offering?: string;
  project?: string;
  /** Legacy order items instead of current orders. */
  legacy?: boolean;
}

/** A consumer's actions on the stand-in's live data. */
export interface Consumer {
  /** Order a new allocation: a `Creating` resource and a `Create` order in `pending-provider` (legacy: `pending`). */
  create(input: CreateOrderInput): { order: OrderRecord; resource: ResourceRecord };
  /** Ask for new limits on a resource. */
  update(resourceUuid: string, limits: Record<string, number>, legacy?: boolean): OrderRecord;
  /** Ask for a resource to be terminated. */
  terminate(resourceUuid: string, legacy?: boolean): OrderRecord;
  /** Add a user to a project (role `member`), or remove them. */
  join(projectUuid: string, userUuid: string): void;
  leave(projectUuid: string, userUuid: string): void;
}

export function consumerOf(data: WaldurData): Consumer {
  const place = (
    resource: ResourceRecord,
    type: OrderRecord["type"],
    legacy = false,
    limits?: Record<string, number>,
  ) => {
    const order: OrderRecord = {
      uuid: newUuid(),
      resource_uuid: resource.uuid,
      type,
      state: legacy ? "pending" : "pending-provider",
      ...(limits ? { limits: { ...limits } } : {}),
    };
    (legacy ? data.orderItems : data.orders).push(order);
    return order;
  };
  const resourceOf = (uuid: string) => {
    const r = data.resources.find((x) => x.uuid === uuid);
    if (!r) throw new Error(`no resource ${uuid}`);
    return r;
  };
  return {
    create(input) {
      const resource: ResourceRecord = {
        uuid: newUuid(),
        name: input.name,
        offering_uuid: input.offering ?? OFFERING,
        project_uuid: input.project ?? PROJECT,
        plan_uuid: PLAN,
        state: "Creating",
        backend_id: "",
        report: null,
        limits: {},
      };
      data.resources.push(resource);
      return { resource, order: place(resource, "Create", input.legacy, input.limits) };
    },
    update: (uuid, limits, legacy) => place(resourceOf(uuid), "Update", legacy, limits),
    terminate: (uuid, legacy) => place(resourceOf(uuid), "Terminate", legacy),
    join(projectUuid, userUuid) {
      const p = data.projects.find((x) => x.uuid === projectUuid);
      if (p && !p.members.some((m) => m.user_uuid === userUuid))
        p.members.push({ user_uuid: userUuid, role: "member" });
    },
    leave(projectUuid, userUuid) {
      const p = data.projects.find((x) => x.uuid === projectUuid);
      if (p) p.members = p.members.filter((m) => m.user_uuid !== userUuid);
    },
  };
}
