// A canned JSON server in its own process, so its work is never counted as the client's. Prints its port on
// stdout and serves until stdin closes (the bench's end).
import { createServer } from "node:http";

const payload = JSON.stringify(
  Array.from({ length: 20 }, (_, i) => ({ uuid: `u-${i}`, name: `item ${i}`, cost: "1.5" })),
);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "x-result-count": "20" });
    res.end(payload);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
