// A provider backend kept in a directory, safe against SIGKILL at any instant and shared by two agent
// processes (an HA pair): the order key is linked to an account id atomically (link(2) fails with EEXIST
// for the loser) before the account exists, so a crash leaves no orphan and a repeat finds the first id.
import { randomUUID } from "node:crypto";
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

function writeAtomic(file, value) {
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
}
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

export function fileBackend(dir) {
  for (const d of ["keys", "accounts", "applied", "users", "usage"])
    mkdirSync(path.join(dir, d), { recursive: true });
  const account = (id) => path.join(dir, "accounts", `${id}.json`);
  const ensureAccount = (id, key, name, limits) => {
    if (!existsSync(account(id))) writeAtomic(account(id), { id, key, name, limits, terminated: false });
  };
  return {
    async createAllocation({ key, name, limits }) {
      const keyFile = path.join(dir, "keys", key);
      if (!existsSync(keyFile)) {
        const tmp = path.join(dir, "keys", `${key}.${process.pid}.${randomUUID()}.tmp`);
        writeFileSync(tmp, `acct-${randomUUID().slice(0, 8)}`);
        try {
          linkSync(tmp, keyFile);
        } catch (e) {
          if (e.code !== "EEXIST") throw e;
        } finally {
          rmSync(tmp, { force: true });
        }
      }
      const id = readFileSync(keyFile, "utf8");
      ensureAccount(id, key, name, limits);
      return { backendId: id };
    },
    async updateLimits({ key, backendId, limits }) {
      if (existsSync(path.join(dir, "applied", key))) return;
      writeAtomic(account(backendId), { ...readJson(account(backendId)), limits });
      writeFileSync(path.join(dir, "applied", key), "");
    },
    async terminateAllocation({ key, backendId }) {
      if (existsSync(path.join(dir, "applied", key))) return;
      writeAtomic(account(backendId), { ...readJson(account(backendId)), terminated: true });
      writeFileSync(path.join(dir, "applied", key), "");
    },
    async listUsers(id) {
      return existsSync(path.join(dir, "users", id)) ? readdirSync(path.join(dir, "users", id)) : [];
    },
    async addUser(id, username) {
      mkdirSync(path.join(dir, "users", id), { recursive: true });
      writeFileSync(path.join(dir, "users", id, username), "");
    },
    async removeUser(id, username) {
      rmSync(path.join(dir, "users", id, username), { force: true });
    },
    async readUsage(id) {
      const file = path.join(dir, "usage", `${id}.json`);
      return existsSync(file) ? readJson(file) : {};
    },
  };
}

/** What the backend holds, for the campaign's checks. */
export function inspect(dir) {
  const accounts = readdirSync(path.join(dir, "accounts"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => readJson(path.join(dir, "accounts", f)));
  const users = (id) =>
    existsSync(path.join(dir, "users", id)) ? readdirSync(path.join(dir, "users", id)).sort() : [];
  return { accounts, users };
}

export function setUsage(dir, id, usage) {
  writeAtomic(path.join(dir, "usage", `${id}.json`), usage);
}
