/** Public types: checked by `tsc -p tsconfig.json` (the @ts-expect-error lines fail the typecheck if misuse compiles). */
import { describe, expectTypeOf, it } from "vitest";
import {
  createHashMapClient,
  createRatingEngine,
  type HashMapClient,
  type Mapping,
  type RatingModule,
  type Threshold,
} from "../src/index.js";

describe("types", () => {
  it("types results and refuses wrong inputs at compile time", () => {
    const hm: HashMapClient = createHashMapClient({ baseUrl: "http://127.0.0.1:9" });
    expectTypeOf(hm.mappings.get).returns.resolves.toEqualTypeOf<Mapping>();
    expectTypeOf(hm.thresholds.list).returns.resolves.toEqualTypeOf<Threshold[]>();
    expectTypeOf(hm.module.enable).returns.resolves.toEqualTypeOf<RatingModule>();
    expectTypeOf(hm.quote).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf<Mapping["cost"]>().toEqualTypeOf<string>();
    expectTypeOf<Mapping["type"]>().toEqualTypeOf<"flat" | "rate">();
    expectTypeOf(createRatingEngine({ services: [] }).price).returns.toEqualTypeOf<string>();

    const misuse = () => {
      // @ts-expect-error cost is required
      void hm.mappings.create({ service_id: "x" });
      // @ts-expect-error type is flat or rate
      void hm.mappings.create({ service_id: "x", cost: "1", type: "percent" });
      // @ts-expect-error a filter object is required
      void hm.mappings.list();
      // @ts-expect-error quote takes usage records
      void hm.quote({ resources: [{ service: "x" }] });
      // @ts-expect-error groups.delete takes one input object, not an id and a boolean
      void hm.groups.delete("id", true);
    };
    expectTypeOf(misuse).toBeFunction();
  });
});
