// The Waldur stand-in (@meterkit/sandbox) in its own process, so its work is never counted as the client's.
// argv[2]: how many marketplace resources to serve in all. Prints `<api url> <token>` on stdout and serves
// until stdin closes (the bench's end).
import { defaultWaldurData, startWaldur } from "@meterkit/sandbox";

const total = Number(process.argv[2] ?? 100_000);
const extra = Math.max(0, total - defaultWaldurData().resources.length);
const waldur = await startWaldur({ extraResources: extra });
console.log(`${waldur.url} ${waldur.token}`);
process.stdin.resume();
// Exits even if a connection lingers: the bench is over.
process.stdin.on("end", () => process.exit(0));
