/** Almanach's v1 routes (almanach/api/v1/routes.py); every route is also served without `/v1`. */
import * as c from "./controllers.js";
import { parseQueryDate } from "./dates.js";
import { invalidPayload, missingQuery, required } from "./errors.js";
import { encodeRow } from "./model.js";
import type { Store } from "./store.js";
import { updateActive, updateClosed } from "./update-entity.js";

/** What a handler gets. */
export interface Ctx {
  store: Store;
  config: c.ControllerConfig;
  params: string[];
  query: URLSearchParams;
  rawBody: string;
}

/** A handler's answer: a value encoded as JSON (200), or an empty response with this status. */
export type Result = { json: unknown } | { status: number };

export interface Route {
  method: string;
  pattern: RegExp;
  /** `/info` needs no token. */
  open?: boolean;
  handle(ctx: Ctx): Result;
}

function body(ctx: Ctx): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(ctx.rawBody);
  } catch {
    throw invalidPayload(); // json.loads raised ValueError (an empty body included)
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw invalidPayload();
  return value as Record<string, unknown>;
}

/** `get_period()`: `start` required, `end` defaults to now, both exactly `%Y-%m-%d %H:%M:%S.%f`. */
function period(ctx: Ctx): [number, number] {
  const start = ctx.query.get("start");
  if (start === null) throw missingQuery();
  const end = ctx.query.get("end");
  const s = parseQueryDate(start);
  const e = end === null ? Date.now() : parseQueryDate(end);
  if (s === undefined || e === undefined) throw invalidPayload();
  return [s, e];
}

const p = (ctx: Ctx, i = 0) => ctx.params[i] as string;
const ok = (status: number): Result => ({ status });

export const ROUTES: Route[] = [
  {
    method: "GET",
    pattern: /^\/info$/,
    open: true,
    handle: ({ store }) => ({
      json: {
        info: { version: "4.1.0" },
        database: {
          all_entities: store.rows.length,
          active_entities: store.rows.filter((r) => r.end === null).length,
        },
      },
    }),
  },
  {
    method: "POST",
    pattern: /^\/volume_type$/,
    handle(ctx) {
      const b = body(ctx);
      ctx.store.volumeTypes.push({
        volume_type_id: required(b, "type_id"),
        volume_type_name: required(b, "type_name"),
      });
      return ok(201);
    },
  },
  { method: "GET", pattern: /^\/volume_types$/, handle: ({ store }) => ({ json: store.volumeTypes }) },
  {
    method: "GET",
    pattern: /^\/volume_type\/([^/]+)$/,
    handle(ctx) {
      const type = ctx.store.volumeTypes.find((t) => t.volume_type_id === p(ctx));
      if (!type) throw c.volumeTypeNotFoundError(p(ctx));
      return { json: type };
    },
  },
  {
    method: "DELETE",
    pattern: /^\/volume_type\/([^/]+)$/,
    handle(ctx) {
      const before = ctx.store.volumeTypes.length;
      ctx.store.volumeTypes = ctx.store.volumeTypes.filter((t) => t.volume_type_id !== p(ctx));
      // The driver removes every match, then fails unless exactly one was removed.
      if (before - ctx.store.volumeTypes.length !== 1) throw c.volumeTypeNotFoundError(p(ctx));
      return ok(202);
    },
  },
  {
    method: "GET",
    pattern: /^\/project\/([^/]+)\/entities$/,
    handle: (ctx) => ({ json: ctx.store.byProject(p(ctx), ...period(ctx)).map(encodeRow) }),
  },
  {
    method: "HEAD",
    pattern: /^\/entity\/([^/]+)$/,
    handle: (ctx) => ok(ctx.store.byId(p(ctx)).length > 0 ? 200 : 404),
  },
  {
    method: "GET",
    pattern: /^\/entity\/([^/]+)$/,
    handle(ctx) {
      const rows = ctx.store.byId(p(ctx));
      if (rows.length === 0) throw c.notFound("Entity not found");
      return { json: rows.map(encodeRow) };
    },
  },
  {
    method: "PUT",
    pattern: /^\/entity\/instance\/([^/]+)$/,
    handle(ctx) {
      const b = body(ctx);
      if (ctx.query.has("start"))
        return { json: encodeRow(updateClosed(ctx.store, p(ctx), ...period(ctx), b)) };
      return { json: encodeRow(updateActive(ctx.store, p(ctx), b)) };
    },
  },
  {
    method: "POST",
    pattern: /^\/project\/([^/]+)\/instance$/,
    handle(ctx) {
      const b = body(ctx);
      const [id, createdAt, name, flavor] = ["id", "created_at", "name", "flavor"].map((k) => required(b, k));
      const meta = {
        distro: required(b, "os_distro"),
        version: required(b, "os_version"),
        os_type: required(b, "os_type"),
      };
      c.createInstance(ctx.store, ctx.config, {
        id: String(id),
        project: p(ctx),
        createdAt,
        name,
        flavor,
        meta,
      });
      return ok(201);
    },
  },
  {
    method: "GET",
    pattern: /^\/project\/([^/]+)\/instances$/,
    handle: (ctx) => ({ json: ctx.store.byProject(p(ctx), ...period(ctx), "instance").map(encodeRow) }),
  },
  {
    method: "DELETE",
    pattern: /^\/instance\/([^/]+)$/,
    handle(ctx) {
      c.deleteInstance(ctx.store, p(ctx), required(body(ctx), "date"));
      return ok(202);
    },
  },
  {
    method: "PUT",
    pattern: /^\/instance\/([^/]+)\/resize$/,
    handle(ctx) {
      const b = body(ctx);
      c.resizeInstance(ctx.store, p(ctx), required(b, "flavor"), required(b, "date"));
      return ok(200);
    },
  },
  {
    method: "PUT",
    pattern: /^\/instance\/([^/]+)\/rebuild$/,
    handle(ctx) {
      const b = body(ctx);
      const meta = {
        distro: required(b, "distro"),
        version: required(b, "version"),
        os_type: required(b, "os_type"),
      };
      c.rebuildInstance(ctx.store, ctx.config, p(ctx), required(b, "rebuild_date"), meta);
      return ok(200);
    },
  },
  {
    method: "POST",
    pattern: /^\/project\/([^/]+)\/volume$/,
    handle(ctx) {
      const b = body(ctx);
      const [id, start, type, size, name, attachedTo] = [
        "volume_id",
        "start",
        "volume_type",
        "size",
        "volume_name",
        "attached_to",
      ].map((k) => required(b, k));
      c.createVolume(ctx.store, { id: String(id), project: p(ctx), start, type, size, name, attachedTo });
      return ok(201);
    },
  },
  {
    method: "GET",
    pattern: /^\/project\/([^/]+)\/volumes$/,
    handle: (ctx) => ({ json: ctx.store.byProject(p(ctx), ...period(ctx), "volume").map(encodeRow) }),
  },
  {
    method: "DELETE",
    pattern: /^\/volume\/([^/]+)$/,
    handle(ctx) {
      c.deleteVolume(ctx.store, ctx.config, p(ctx), required(body(ctx), "date"));
      return ok(202);
    },
  },
  {
    method: "PUT",
    pattern: /^\/volume\/([^/]+)\/resize$/,
    handle(ctx) {
      const b = body(ctx);
      c.resizeVolume(ctx.store, p(ctx), required(b, "size"), required(b, "date"));
      return ok(200);
    },
  },
  ...(["attach", "detach"] as const).map(
    (action): Route => ({
      method: "PUT",
      pattern: new RegExp(`^/volume/([^/]+)/${action}$`),
      handle(ctx) {
        const b = body(ctx);
        c.changeAttachments(
          ctx.store,
          ctx.config,
          action,
          p(ctx),
          required(b, "date"),
          required(b, "attachments"),
        );
        return ok(200);
      },
    }),
  ),
];
