/** The SLA@SOI SLA model namespace every template's root element must be in. */
export const SLAMODEL_NS = "http://www.slaatsoi.eu/slamodel";

/** What the catalog reads from a template; the document itself is stored as given, never re-serialised. */
export interface TemplateInfo {
  readonly uuid: string;
  readonly modelVersion: string | null;
}

/**
 * Checks that `xml` is an SLA@SOI template (root `SLATemplate` in the slamodel namespace) and reads its
 * `UUID` and `ModelVersion`. A guarded scan, not a full XML parser: the research note recommends treating the
 * content as opaque and only checking the root and the id. Returns the reason when it is not a template.
 */
export function readTemplate(xml: string): TemplateInfo | string {
  const body = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!DOCTYPE[^>]*>/gi, "")
    .trim();
  const root = /^<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(body);
  if (!root) return "is not an XML document";
  const [, prefix, local, attributes = ""] = root;
  if (local !== "SLATemplate")
    return `has root element ${prefix ? `${prefix}:` : ""}${local}, expected SLATemplate`;
  const nsAttr = prefix ? `xmlns:${prefix}` : "xmlns";
  const ns = new RegExp(`${nsAttr.replace(".", "\\.")}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];
  if (ns !== SLAMODEL_NS) return `root element is not in the namespace ${SLAMODEL_NS}`;
  const closing = `</${prefix ? `${prefix}:` : ""}SLATemplate>`;
  if (!body.endsWith(closing)) return `is not closed by ${closing}`;
  const element = (name: string) => {
    const tag = `${prefix ? `${prefix}:` : ""}${name}`;
    return new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(body)?.[1] ?? null;
  };
  const uuid = element("UUID");
  if (!uuid) return "has no UUID element";
  if (uuid.length > 255 || /[/\\\s]/.test(uuid))
    return "has a UUID that is not a usable id (no slashes or blanks, at most 255 characters)";
  return { uuid, modelVersion: element("ModelVersion") };
}
