/** Turning a capture's Python `call` into the same call on our client, binding symbolic names from the recording. */
import { keystoneAuth } from "@meterkit/core";
import { type AlmanachClient, AlmanachKeystoneClient, createAlmanachClient } from "../../src/index.js";
import type { Capture, Exchange } from "./captures.js";
import { camel } from "./expected.js";
import { type PyCall, type PyValue, parseCall } from "./python-call.js";
import type { ReplayServer } from "./replay-server.js";

/** The reference's parameter order (seed: almanachclient.v1.client.Client and KeystoneClient). */
export const SIGNATURES: Record<string, string[]> = {
  get_info: [],
  get_volume_types: [],
  get_volume_type: ["volume_type_id"],
  create_volume_type: ["volume_type_id", "volume_type_name"],
  delete_volume_type: ["volume_type_id"],
  get_tenant_entities: ["tenant_id", "start", "end"],
  get_entity: ["entity_id"],
  get_instances: ["tenant_id", "start", "end"],
  create_instance: ["tenant_id", "instance_id", "name", "flavor", "start", "image_meta"],
  update_instance_entity: ["instance_id"],
  delete_instance: ["instance_id", "end"],
  resize_instance: ["instance_id", "flavor", "resize_date"],
  get_volumes: ["tenant_id", "start", "end"],
  create_volume: ["tenant_id", "volume_id", "volume_type_id", "name", "size", "attachments", "start"],
  delete_volume: ["volume_id", "end"],
  resize_volume: ["volume_id", "size", "resize_date"],
  attach_volume: ["volume_id", "attachments", "attachment_date"],
  detach_volume: ["volume_id", "attachments", "attachment_date"],
  Client: ["url", "token", "session", "region_name", "service_type", "endpoint_type"],
  KeystoneClient: [
    "auth_url",
    "username",
    "password",
    "service",
    "region_name",
    "domain_name",
    "user_domain_id",
  ],
  get_endpoint_url: ["visibility"],
  get_token: [],
};

/**
 * Where each reference method lives on our client (`client.<resource>.<verb>`); the reference's positional
 * parameters become the fields of the one input object (camelCase).
 */
export const METHODS: Record<string, readonly [resource: string, verb: string]> = {
  get_info: ["info", "get"],
  get_volume_types: ["volumeTypes", "list"],
  get_volume_type: ["volumeTypes", "get"],
  create_volume_type: ["volumeTypes", "create"],
  delete_volume_type: ["volumeTypes", "delete"],
  get_tenant_entities: ["entities", "list"],
  get_entity: ["entities", "get"],
  update_instance_entity: ["entities", "updateInstance"],
  get_instances: ["instances", "list"],
  create_instance: ["instances", "create"],
  delete_instance: ["instances", "delete"],
  resize_instance: ["instances", "resize"],
  get_volumes: ["volumes", "list"],
  create_volume: ["volumes", "create"],
  delete_volume: ["volumes", "delete"],
  resize_volume: ["volumes", "resize"],
  attach_volume: ["volumes", "attach"],
  detach_volume: ["volumes", "detach"],
};

/** The token our default client sends: the captures redact every token to this text. */
export const TOKEN = "<redacted>";

// biome-ignore lint/suspicious/noExplicitAny: recorded JSON, read along known paths of the capture format
type Json = Record<string, any>;

export function locators(capture: Capture, server: ReplayServer, sessionToken: Exchange | undefined) {
  const almanach = capture.exchanges.find((e) => e.service === "almanach")?.request;
  const body = (almanach?.json ?? {}) as Json;
  const seg = (re: RegExp) => re.exec(almanach?.path ?? "")?.[1];
  const tokenRequest = (
    capture.exchanges.find((e) => e.request.path.endsWith("/auth/tokens")) ?? sessionToken
  )?.request.json as Json | undefined;
  const user = tokenRequest?.auth?.identity?.password?.user ?? {};
  const endpoints = capture.exchanges.find((e) => e.request.path.endsWith("/endpoints"))?.request;
  const q = (k: string) => endpoints?.query.find(([key]) => key === k)?.[1];
  const table: Record<string, () => unknown> = {
    tenant_id: () => seg(/\/project\/([^/]+)\//),
    instance_id: () => body.id ?? seg(/\/instance\/([^/]+)/),
    volume_id: () => body.volume_id ?? seg(/\/volume\/([^/]+)/),
    volume_type_id: () => body.type_id ?? body.volume_type ?? seg(/\/volume_type\/([^/]+)/),
    entity_id: () => seg(/\/entity\/([^/]+)$/),
    attachments: () => body.attachments ?? body.attached_to,
    url: () => server.url,
    token: () => TOKEN,
    session: () => "sess",
    auth_url: () => `${server.url}/v3`,
    username: () => user.name,
    password: () => user.password,
    service: () => q("service_id"),
    region_name: () => q("region_id"),
    user_domain_name: () => user.domain?.name,
    project_name: () => tokenRequest?.auth?.scope?.project?.name,
    project_domain_name: () => tokenRequest?.auth?.scope?.project?.domain?.name,
  };
  return (param: string): unknown => {
    const locate = table[param];
    if (!locate) throw new Error(`no locator for ${param} in ${capture.file}`);
    return locate();
  };
}

function toJs(v: PyValue, param: string, locate: (p: string) => unknown): unknown {
  switch (v.kind) {
    case "str":
    case "num":
      return v.value;
    case "const":
      return v.value ?? undefined;
    case "ellipsis":
      return undefined;
    case "name":
      // A name the recording cannot resolve (no request was sent) stands for itself.
      return locate(param) ?? v.name;
    case "list":
      return v.items.map((item, i) =>
        item.kind === "name" ? (locate(param) as unknown[])[i] : toJs(item, param, locate),
      );
    case "dict":
      return Object.fromEntries(
        v.entries.map(([k, val]) => [String(toJs(k, param, locate)), toJs(val, param, locate)]),
      );
    case "datetime": {
      const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, us = 0] = v.parts;
      const ms = Date.UTC(y, mo - 1, d, h, mi, s, Math.floor(us / 1000));
      // Whole milliseconds go in as a Date; microseconds need the string form (a Date cannot hold them).
      return us % 1000 === 0
        ? new Date(ms)
        : `${new Date(ms).toISOString().slice(0, 19)}.${String(us).padStart(6, "0")}Z`;
    }
  }
}

/** Named arguments of one call: positional ones by the signature, `...` filled from the recording. */
export function bind(name: string, call: PyCall, locate: (p: string) => unknown): Record<string, unknown> {
  const signature = SIGNATURES[name];
  if (!signature) throw new Error(`unknown reference method ${name}`);
  const out: Record<string, unknown> = {};
  const elided = call.args.some((a) => a.kind === "ellipsis");
  call.args.forEach((arg, i) => {
    const param = signature[i];
    if (param && arg.kind !== "ellipsis") out[param] = toJs(arg, param, locate);
  });
  for (const [key, value] of Object.entries(call.kwargs)) out[key] = toJs(value, key, locate);
  if (elided)
    for (const p of signature)
      if (!(p in out) && p !== "domain_name" && p !== "user_domain_id") out[p] = locate(p);
  return out;
}

/** Run the capture's call on our client; resolves to the result (or rejects with our error). */
export function invoke(
  capture: Capture,
  server: ReplayServer,
  sessionToken: Exchange | undefined,
): { token: string | undefined; result: Promise<unknown> } {
  const segments = parseCall(capture.call ?? "");
  const locate = locators(capture, server, sessionToken);
  const [head, method] = segments;
  if (!head || !method?.call) throw new Error(`cannot map call ${capture.call}`);
  if (head.name === "KeystoneClient") {
    const a = bind("KeystoneClient", head.call ?? { args: [], kwargs: {} }, locate);
    const ks = new AlmanachKeystoneClient({
      authUrl: a.auth_url as string,
      username: a.username as string,
      password: a.password as string,
      service: a.service as string,
      regionName: a.region_name as string | undefined,
    });
    const m = bind(method.name, method.call, locate);
    const visibility = m.visibility as "admin" | undefined;
    const result =
      method.name === "get_token"
        ? ks.getToken()
        : ks.getEndpointUrl(visibility === undefined ? {} : { interface: visibility });
    return { result, token: undefined };
  }
  let client: AlmanachClient;
  let token: string | undefined = TOKEN;
  if (head.name === "client") client = createAlmanachClient({ baseUrl: server.url, token: TOKEN });
  else {
    const a = bind("Client", head.call ?? { args: [], kwargs: {} }, locate);
    token = a.token as string | undefined;
    const keystone = a.session === undefined ? undefined : sessionAuth(locate);
    // The reference's session mode defaults: service type `cloudmetrics`, keystoneauth's `public` interface.
    const endpoint = {
      type: (a.service_type as string | undefined) ?? "cloudmetrics",
      interface: (a.endpoint_type as "public" | undefined) ?? "public",
      ...(a.region_name ? { region: a.region_name as string } : {}),
    } as const;
    const baseUrl =
      a.url !== undefined ? server.url : token !== undefined ? keystone?.endpoint(endpoint) : undefined;
    // A static token with a session: the URL comes from the session's catalog, the token is the one given.
    client = createAlmanachClient(
      token !== undefined ? { baseUrl, token } : { baseUrl, auth: keystone, endpoint },
    );
    if (keystone && token === undefined) token = TOKEN; // our fix: the Keystone token is sent
  }
  const args = bind(method.name, method.call, locate);
  const [resource, verb] = METHODS[method.name] ?? [];
  const namespace = (
    client as unknown as Record<string, Record<string, (...x: unknown[]) => Promise<unknown>>>
  )[resource ?? ""];
  const fn = namespace?.[verb ?? ""];
  if (!fn) throw new Error(`the client has no operation for ${method.name}`);
  const input = Object.fromEntries(
    Object.entries(args)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [camel(k), v]),
  );
  const result = fn(input);
  return { result, token };
}

function sessionAuth(locate: (p: string) => unknown) {
  return keystoneAuth({
    authUrl: locate("auth_url") as string,
    username: locate("username") as string,
    password: locate("password") as string,
    userDomainName: locate("user_domain_name") as string,
    projectName: locate("project_name") as string,
    projectDomainName: locate("project_domain_name") as string,
  });
}
