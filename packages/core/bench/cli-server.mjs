// The canned server of bench/cli-startup.mjs, in its own process so its work is never counted as the CLI's:
// it answers the one request of each measured command with a body of the service's shape (CloudKitty's
// HashMap services, Almanach's entities of a tenant, the SLA catalog's products). Prints its port on stdout
// and serves until stdin closes (the bench's end).
import { createServer } from "node:http";

const services = {
  services: Array.from({ length: 5 }, (_, i) => ({
    service_id: `6c0fd1b5-3d1a-4b8e-9d6e-0000000000${String(i).padStart(2, "0")}`,
    name: ["instance", "volume", "image", "network.bw.out", "ip.floating"][i],
  })),
};
const entities = Array.from({ length: 5 }, (_, i) => ({
  entity_id: `b0e6c7d2-1f5a-4c3e-8a7b-0000000000${String(i).padStart(2, "0")}`,
  project_id: "tenant-1",
  name: `vm-${i}`,
  entity_type: "instance",
  flavor: "m1.small",
  start: "2017-03-01T12:00:00.000000Z",
  end: null,
  last_event: "2017-03-01T12:00:00.000000Z",
  image_meta: { distro: "debian", version: "12", os_type: "linux" },
  metadata: {},
}));
const products = Array.from({ length: 5 }, (_, i) => ({
  id: i + 1,
  partyId: 1,
  name: `product ${i + 1}`,
  description: null,
  brand: "Acme",
  category: "compute",
  insertedAt: "2026-01-01",
  validFrom: "2026-01-01",
  validTo: "2028-01-01",
  maxPrice: "100.00",
  maxPenaltyTermination: null,
  maxPenaltyMpc: null,
  maxPenaltyRemoval: null,
  negotiationType: "NONE",
  release: "1",
  status: "ACTIVE",
  unsuccessfulRounds: null,
}));

// bench/first-call.mjs: 1,000 HashMap mappings of one service, as CloudKitty lists them.
const mappings = {
  mappings: Array.from({ length: 1000 }, (_, i) => ({
    mapping_id: `3f1c2a4e-0b6d-4c8a-9e7f-${String(i).padStart(12, "0")}`,
    value: `flavor-${i}`,
    type: i % 2 ? "flat" : "rate",
    cost: `${(i % 97) + 0.5}`,
    service_id: "6c0fd1b5-3d1a-4b8e-9d6e-000000000000",
    field_id: null,
    group_id: i % 3 ? null : "9a8b7c6d-5e4f-4a3b-8c2d-000000000001",
    tenant_id: null,
  })),
};

const ROUTES = [
  [/^\/v1\/rating\/module_config\/hashmap\/mappings\/?$/, mappings, {}],
  // bench/first-call.mjs: a quote, which CloudKitty answers with str(Decimal) as a JSON string.
  [/^\/v1\/rating\/quote\/?$/, "3.000000000000000000000000000", {}],
  [/^\/v1\/rating\/module_config\/hashmap\/services\/?$/, services, {}],
  [/^\/v1\/project\/[^/]+\/entities$/, entities, {}],
  [/^\/sla-catalog\/v1\/products$/, products, { "x-total-count": String(products.length) }],
];

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const path = (req.url ?? "/").split("?")[0];
    const route = ROUTES.find(([pattern]) => pattern.test(path));
    if (!route) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `no canned answer for ${req.method} ${req.url}` }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json", ...route[2] });
    res.end(JSON.stringify(route[1]));
  });
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
