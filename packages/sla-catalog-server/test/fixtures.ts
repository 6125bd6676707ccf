/** A small SLA@SOI template (the outline of research/sla-catalog.md §4) with the given UUID. */
export function templateXml(uuid: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- SLA@SOI template, Contrail style -->
<slasoi:SLATemplate xmlns:slasoi="http://www.slaatsoi.eu/slamodel">
  <slasoi:Text/>
  <slasoi:UUID>${uuid}</slasoi:UUID>
  <slasoi:ModelVersion>sla_at_soi_sla_model_v1.0</slasoi:ModelVersion>
  <slasoi:AgreementTerm>
    <slasoi:ID>Price_Of_vs1</slasoi:ID>
  </slasoi:AgreementTerm>
</slasoi:SLATemplate>
`;
}

/** JSON request against the service; returns status, headers and parsed body. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON fields
export type Json = any;

/** What {@link call} returns. */
export interface Answer {
  status: number;
  headers: { get(name: string): string | null };
  body: Json;
}

/** The admin token the suites' servers accept (seeded with `ADMIN_SEED`). */
export const ADMIN_TOKEN = "slac_00000000a0a0_test-admin-secret-0123456789";
/** `startSlaCatalog({ ...ADMIN_SEED })`: a server that accepts {@link ADMIN_TOKEN}. */
export const ADMIN_SEED = { tokens: [{ token: ADMIN_TOKEN, role: "admin" as const }] };

/** One request, as the admin unless `headers.authorization` says otherwise ("" sends no token). */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const { authorization = `Bearer ${ADMIN_TOKEN}`, ...rest } = headers;
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(authorization ? { authorization } : {}),
      ...rest,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Json) : undefined };
}
