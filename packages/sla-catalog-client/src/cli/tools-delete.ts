import type { CatalogClient } from "../client.js";
import type { Registry } from "../enums.js";
import type { FlagSpec, ToolSpec } from "./spec.js";

const ID: FlagSpec = {
  flag: "id",
  field: "id",
  kind: "int",
  help: "Id of the resource to delete",
  mandatory: true,
};
const del = (resource: string, call: (client: CatalogClient, id: number) => Promise<void>): ToolSpec => ({
  name: `Delete${resource}`,
  summary: `Deletes a ${resource}; refused while something references it.`,
  flags: [ID],
  run: async (client, input) => {
    await call(client, input.id as number);
    return { json: null, lines: [] };
  },
});

/** Tool 15, Delete*Resource*, for every resource. */
export const DELETE_TOOLS: readonly ToolSpec[] = [
  del("Product", (c, id) => c.products.delete({ productId: id })),
  {
    name: "DeleteTemplate",
    summary: "Deletes an SLA template; refused while an offer or guarantee references it.",
    flags: [
      { ...ID, kind: "text" },
      {
        flag: "slam",
        field: "registry",
        kind: "text",
        help: "SLA@SOI SLAM DB [BSLAM | SSLAM | ISLAM]",
        default: "BSLAM",
      },
    ],
    run: async (client, input) => {
      await client.templates.delete({
        templateId: String(input.id),
        registry: input.registry as Registry | undefined,
      });
      return { json: null, lines: [] };
    },
  },
  del("ProductOffer", (c, id) => c.offers.delete({ offerId: id })),
  del("Party", (c, id) => c.parties.delete({ partyId: id })),
  del("UnitResource", (c, id) => c.unitResources.delete({ unitResourceId: id })),
  del("FixedFee", (c, id) => c.fixedFees.delete({ feeId: id })),
  del("VariableFee", (c, id) => c.variableFees.delete({ feeId: id })),
  del("CompoundFee", (c, id) => c.compoundFees.delete({ feeId: id })),
  del("Guarantee", (c, id) => c.guarantees.delete({ guaranteeId: id })),
];
