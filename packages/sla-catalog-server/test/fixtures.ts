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

export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Json) : undefined };
}
