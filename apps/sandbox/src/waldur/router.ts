/** Route table of the stand-in: both generations' paths, matched before authentication as Django does. */
import { type Answer, normalizeUuid, notFound, type WaldurRequest } from "./http.js";
import { listKeys, listOrders, listResources, listUsers } from "./routes/lists.js";
import { createOfferingUser, getOffering } from "./routes/offerings.js";
import { currentOrderAction, legacyOrderItemAction } from "./routes/orders.js";
import { resourceRoute } from "./routes/resources.js";
import { setUsage } from "./routes/usages.js";
import type { StandIn } from "./state.js";

type Handler = (s: StandIn, req: WaldurRequest, match: RegExpExecArray) => Answer | undefined;

interface Route {
  pattern: RegExp;
  methods: readonly string[];
  handler: Handler;
}

const LIST = ["GET", "HEAD"];
const id = (m: RegExpExecArray, i: number) => normalizeUuid(m[i] ?? "");
const withId =
  (
    i: number,
    f: (s: StandIn, req: WaldurRequest, uuid: string, m: RegExpExecArray) => Answer | undefined,
  ): Handler =>
  (s, req, m) => {
    const uuid = id(m, i);
    return uuid === undefined ? notFound : f(s, req, uuid, m);
  };

const ROUTES: readonly Route[] = [
  { pattern: /^users\/$/, methods: LIST, handler: (s, req) => listUsers(s, req) },
  { pattern: /^keys\/$/, methods: LIST, handler: (s, req) => listKeys(s, req) },
  {
    pattern: /^marketplace-resources\/$/,
    methods: LIST,
    handler: (s, req) => listResources(s, req, s.generation === "legacy"),
  },
  {
    pattern: /^marketplace-provider-resources\/$/,
    methods: LIST,
    handler: (s, req) => listResources(s, req, false),
  },
  { pattern: /^marketplace-orders\/$/, methods: LIST, handler: (s, req) => listOrders(s, req, false) },
  { pattern: /^marketplace-order-items\/$/, methods: LIST, handler: (s, req) => listOrders(s, req, true) },
  {
    pattern: /^marketplace-(provider-)?resources\/([^/]+)\/([a-z_]+)\/$/,
    methods: ["GET", "POST"],
    handler: withId(2, (s, req, uuid, m) =>
      resourceRoute(s, req, uuid, m[3] ?? "", m[1] === undefined && s.generation === "legacy"),
    ),
  },
  {
    pattern: /^marketplace-orders\/([^/]+)\/([a-z_]+)\/$/,
    methods: ["POST"],
    handler: withId(1, (s, req, uuid, m) => currentOrderAction(s, uuid, m[2] ?? "", req.body)),
  },
  {
    pattern: /^marketplace-order-items\/([^/]+)\/([a-z_]+)\/$/,
    methods: ["POST"],
    handler: withId(1, (s, _, uuid, m) => legacyOrderItemAction(s, uuid, m[2] ?? "")),
  },
  {
    pattern: /^marketplace-offerings\/([^/]+)\/$/,
    methods: ["GET"],
    handler: withId(1, (s, req, uuid) => getOffering(s, req, uuid, true)),
  },
  {
    pattern: /^marketplace-provider-offerings\/([^/]+)\/$/,
    methods: ["GET"],
    handler: withId(1, (s, req, uuid) => getOffering(s, req, uuid, false)),
  },
  {
    pattern: /^marketplace-component-usages\/set_usage\/$/,
    methods: ["POST"],
    handler: (s, req) => setUsage(s, req.body),
  },
  {
    pattern: /^marketplace-offering-users\/$/,
    methods: ["POST"],
    handler: (s, req) => createOfferingUser(s, req),
  },
];

/** The route a request addresses, or `undefined` for Django's HTML 404. */
export function findRoute(
  route: string,
): { handle: (s: StandIn, req: WaldurRequest) => Answer | undefined } | undefined {
  for (const r of ROUTES) {
    const match = r.pattern.exec(route);
    if (!match) continue;
    return {
      handle: (s, req) => {
        if (!r.methods.includes(req.method))
          return { status: 405, body: { detail: `Method "${req.method}" not allowed.` } };
        if (req.badJson)
          return {
            status: 400,
            body: { detail: "JSON parse error - Expecting value: line 1 column 1 (char 0)" },
          };
        return r.handler(s, req, match);
      },
    };
  }
  return undefined;
}
