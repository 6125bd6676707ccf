import { connect } from "node:net";

/**
 * Runs one simple query over PostgreSQL's v3 wire protocol on TCP (trust auth) and returns the
 * first column of the first row. Enough to prove the TCP listener works without a driver.
 */
export function pgSimpleQuery(url: string, sql: string): Promise<string> {
  const { hostname, port, username, pathname } = new URL(url);
  const params = Buffer.from(`user\0${username}\0database\0${pathname.slice(1)}\0\0`);
  const startup = Buffer.alloc(8 + params.length);
  startup.writeInt32BE(startup.length, 0);
  startup.writeInt32BE(196608, 4); // protocol 3.0
  params.copy(startup, 8);
  const query = Buffer.from(`${sql}\0`);
  const queryMsg = Buffer.concat([Buffer.from("Q"), Buffer.alloc(4), query]);
  queryMsg.writeInt32BE(4 + query.length, 1);

  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let buffer = Buffer.alloc(0);
    let value: string | undefined;
    let sentQuery = false;
    socket.setTimeout(10_000, () => socket.destroy(new Error("timed out")));
    socket.on("error", reject);
    socket.on("connect", () => socket.write(startup));
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 5) {
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) return;
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === "E") {
          socket.destroy();
          reject(new Error(`server error: ${body.toString("utf8").replaceAll("\0", " ")}`));
          return;
        }
        if (type === "R" && body.readInt32BE(0) !== 0) {
          socket.destroy();
          reject(new Error(`server asked for authentication method ${body.readInt32BE(0)}`));
          return;
        }
        if (type === "D" && value === undefined) {
          const len = body.readInt32BE(2);
          value = body.subarray(6, 6 + len).toString("utf8");
        }
        if (type === "Z") {
          if (!sentQuery) {
            sentQuery = true;
            socket.write(queryMsg);
          } else {
            socket.end(Buffer.from([0x58, 0, 0, 0, 4])); // Terminate
            if (value === undefined) reject(new Error("no row returned"));
            else resolve(value);
          }
        }
      }
    });
  });
}
