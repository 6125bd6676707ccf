// The baseline: a bare node:http server in its own process answering the catalog's own JSON from memory —
// for a GET the product representation the real server gave at set-up, for a POST (body read, like the
// real server) the same representation with 201 and a Location. No routing, no database, no token check:
// the ceiling of node:http on this machine. Prints its port on stdout; serves until stdin closes.
import { createServer } from "node:http";

const body = process.env.MK_BENCH_CANNED ?? "{}";
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    if (req.method === "POST") {
      JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      res.writeHead(201, { "content-type": "application/json", location: "/products/1" });
    } else res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
