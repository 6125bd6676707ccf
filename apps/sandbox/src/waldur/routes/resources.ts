/** Single-resource routes: `set_backend_id`, `submit_report`, `team`, `plan_periods`. */

import type { ResourceRecord } from "../data.js";
import { type Answer, fieldError, notFound, type WaldurRequest } from "../http.js";
import { renderPlanPeriod } from "../render-offering.js";
import { renderContext, type StandIn } from "../state.js";

const LOCKED: Answer = { status: 409, body: { detail: "Resource is locked by another operation." } };

export function resourceRoute(
  s: StandIn,
  req: WaldurRequest,
  uuid: string,
  action: string,
  legacy: boolean,
): Answer | undefined {
  const resource = s.data.resources.find((r) => r.uuid === uuid);
  const known = ["set_backend_id", "submit_report", "team", "plan_periods"];
  if (!known.includes(action)) return undefined;
  const post = action === "set_backend_id" || action === "submit_report";
  if (post !== (req.method === "POST"))
    return { status: 405, body: { detail: `Method "${req.method}" not allowed.` } };
  if (!resource) return notFound;
  if (resource.locked) return LOCKED;
  if (action === "set_backend_id") return setBackendId(resource, req.body);
  if (action === "submit_report") return submitReport(resource, req.body);
  if (action === "team") return team(s, req, resource);
  const c = renderContext(s, req, legacy);
  const firstOfMonth = new Date(Date.UTC(s.now().getUTCFullYear(), s.now().getUTCMonth(), 1)).toISOString();
  const periods = s.data.planPeriods.filter(
    (p) => p.resource_uuid === uuid && (p.end === null || p.end >= firstOfMonth),
  );
  return { status: 200, body: periods.map((p) => renderPlanPeriod(p, c)) };
}

function setBackendId(resource: ResourceRecord, body: unknown): Answer {
  const value = (body as { backend_id?: unknown } | undefined)?.backend_id ?? "";
  if (typeof value !== "string") return fieldError("backend_id", "Not a valid string.");
  if (value.length > 255)
    return fieldError("backend_id", "Ensure this field has no more than 255 characters.");
  const changed = resource.backend_id !== value;
  resource.backend_id = value;
  return {
    status: 200,
    body: {
      status: changed ? "Resource backend_id has been changed." : "Resource backend_id is not changed.",
    },
  };
}

function submitReport(resource: ResourceRecord, body: unknown): Answer {
  const report = (body as { report?: unknown } | undefined)?.report;
  if (report === undefined) return fieldError("report", "This field is required.");
  if (!Array.isArray(report))
    return fieldError("report", `Expected a list of items but got type "${typeof report}".`);
  if (report.length === 0) return fieldError("report", "Report object should contain at least one section.");
  const errors = report.map((section: unknown) => {
    const s = section as Record<string, unknown> | null;
    const e: Record<string, string[]> = {};
    for (const key of ["header", "body"]) {
      if (typeof s?.[key] !== "string")
        e[key] = [s?.[key] === undefined ? "This field is required." : "Not a valid string."];
    }
    return e;
  });
  if (errors.some((e) => Object.keys(e).length)) return { status: 400, body: { report: errors } };
  resource.report = report.map((x: { header: string; body: string }) => ({ header: x.header, body: x.body }));
  return { status: 200, body: { status: "Report is submitted" } };
}

function team(s: StandIn, req: WaldurRequest, resource: ResourceRecord): Answer {
  const project = s.data.projects.find((p) => p.uuid === resource.project_uuid);
  const body = (project?.members ?? []).flatMap(({ user_uuid, role }) => {
    const user = s.data.users.find((u) => u.uuid === user_uuid);
    if (!user) return [];
    const offeringUser = s.data.offeringUsers.find(
      (o) => o.user_uuid === user_uuid && o.offering_uuid === resource.offering_uuid,
    );
    return [
      {
        url: `${req.api}users/${user.uuid}/`,
        uuid: user.uuid,
        username: user.username,
        full_name: user.full_name,
        email: user.email,
        role,
        expiration_time: null,
        offering_user_username: offeringUser?.username ?? null,
        offering_user_state: offeringUser ? "OK" : null,
      },
    ];
  });
  return { status: 200, body };
}
