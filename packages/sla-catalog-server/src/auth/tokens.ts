/**
 * API tokens: `slac_<id>_<secret>`. Only the SHA-256 of the secret is stored (a token is 32 random bytes, so
 * a plain hash is enough; a slow password hash protects low-entropy secrets, which these are not). The id
 * finds the row, the hash is compared in constant time, and a revoked token stays revoked.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { SqlClient } from "../db/database.js";

/** What a token may do. @public */
export type Role = "admin" | "provider" | "reader";

/** A token's record, without its secret. @public */
export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The party a `provider` token writes for. */
  readonly partyId: number | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** A token to accept from the start (library use, tests): stored hashed, like any other. @public */
export interface TokenSeed {
  /** The whole token, e.g. from a secret store; `slac_<id>_<secret>` or any string of 20+ characters. */
  readonly token: string;
  readonly role: Role;
  readonly partyId?: number | undefined;
  readonly name?: string | undefined;
}

/** Who is calling. */
export type Principal =
  | { readonly kind: "anonymous" }
  | {
      readonly kind: "token";
      readonly tokenId: string;
      readonly role: Role;
      readonly partyId: number | null;
    };

const FORMAT = /^slac_([0-9a-f]{12})_([A-Za-z0-9_-]{20,})$/;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A seed without the `slac_` shape gets a stable id derived from its hash, so seeding twice is one row. */
function split(token: string): { id: string; secret: string } {
  const m = FORMAT.exec(token);
  if (m) return { id: m[1] as string, secret: m[2] as string };
  return { id: sha256(`id:${token}`).slice(0, 12), secret: token };
}

/** Makes a new token; the whole token is returned once and never stored. @internal */
export async function issueToken(
  tx: SqlClient,
  input: { name: string; role: Role; partyId?: number | undefined },
): Promise<{ token: string; info: TokenInfo }> {
  const id = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  await tx.query(
    "insert into api_tokens (id, name, role, party_id, secret_sha256) values ($1, $2, $3, $4, $5)",
    [id, input.name, input.role, input.partyId ?? null, sha256(secret)],
  );
  return { token: `slac_${id}_${secret}`, info: await tokenInfo(tx, id) };
}

/** Stores a seeded token if it is not there yet (same id and hash); its role and party are updated. @internal */
export async function seedToken(tx: SqlClient, seed: TokenSeed): Promise<void> {
  if (seed.token.length < 20) throw new Error("a seeded token needs at least 20 characters");
  const { id, secret } = split(seed.token);
  await tx.query(
    `insert into api_tokens (id, name, role, party_id, secret_sha256) values ($1, $2, $3, $4, $5)
     on conflict (id) do update set role = excluded.role, party_id = excluded.party_id, name = excluded.name
     where api_tokens.revoked_at is null`,
    [id, seed.name ?? `seeded ${seed.role}`, seed.role, seed.partyId ?? null, sha256(secret)],
  );
}

/** Every token's record, newest first. @internal */
export async function listTokens(tx: SqlClient): Promise<TokenInfo[]> {
  const rows = await tx.query<Row>(`${SELECT} order by created_at desc, id`);
  return rows.map(toInfo);
}

/** Revokes a token by id; false when there is no such token. @internal */
export async function revokeToken(tx: SqlClient, id: string): Promise<boolean> {
  const rows = await tx.query(
    "update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = $1 returning id",
    [id],
  );
  return rows.length > 0;
}

/** The principal of a request's `Authorization` header; throws `TokenRefused` for a bad or revoked one. @internal */
export async function authenticate(db: SqlClient, header: string | undefined): Promise<Principal> {
  if (header === undefined || header.trim() === "") return { kind: "anonymous" };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new TokenRefused("the Authorization header must be 'Bearer <token>'");
  const { id, secret } = split(m[1] as string);
  const rows = await db.query<Row & { secret_sha256: string }>(
    "select id, name, role, party_id, created_at, revoked_at, secret_sha256 from api_tokens where id = $1",
    [id],
  );
  const row = rows[0];
  const given = Buffer.from(sha256(secret), "hex");
  const stored = Buffer.from(row?.secret_sha256 ?? "00".repeat(32), "hex");
  if (!row || !timingSafeEqual(given, stored) || row.revoked_at !== null) {
    throw new TokenRefused("the token is unknown or revoked");
  }
  return { kind: "token", tokenId: row.id, role: row.role, partyId: row.party_id };
}

/** A presented token was refused (401). @internal */
export class TokenRefused extends Error {}

interface Row {
  id: string;
  name: string;
  role: Role;
  party_id: number | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
}
const SELECT = "select id, name, role, party_id, created_at, revoked_at from api_tokens";

async function tokenInfo(tx: SqlClient, id: string): Promise<TokenInfo> {
  const rows = await tx.query<Row>(`${SELECT} where id = $1`, [id]);
  return toInfo(rows[0] as Row);
}

function toInfo(row: Row): TokenInfo {
  const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    partyId: row.party_id,
    createdAt: iso(row.created_at) as string,
    revokedAt: iso(row.revoked_at),
  };
}
