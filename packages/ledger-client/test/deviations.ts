import { EXIT } from "@meterkit/core/cli";

/**
 * Where we deliberately differ from the reference, per capture file. Each entry is asserted by the
 * conformance test (the difference must be there), not skipped. Rules that apply to every CLI capture
 * are listed in CLI_RULES and asserted the same way.
 */
export type Deviation =
  /** We refuse the input (InvalidInputError naming `field`) and send nothing. */
  | { kind: "refused-before-sending"; field: string; why: string }
  /** We send the Keystone token where the reference sent no X-Auth-Token. */
  | { kind: "sends-keystone-token"; why: string }
  /** One body field differs: `value`, or "now" (the current UTC time). */
  | { kind: "body-field"; key: string; value: unknown; why: string }
  /** A command the reference did not have works: we send this request. */
  | { kind: "command-works"; method: string; path: string; body: unknown; why: string };

export const DEVIATIONS: Record<string, Deviation> = {
  "api-error-update_instance_entity-unknown-key.json": {
    kind: "refused-before-sending",
    field: "flavour",
    why: "unknown fields are refused before sending (the server answered 400 'extra keys not allowed')",
  },
  "api-error-update_instance_entity-doc-kwargs.json": {
    kind: "refused-before-sending",
    field: "start",
    why: "the documented start/end keys are refused with a typed error (the reference crashed with TypeError)",
  },
  "api-session-mode-no-token.json": {
    kind: "sends-keystone-token",
    why: "with Keystone auth the token is sent (the reference sent none and got 401)",
  },
  "cli-create-instance.json": {
    kind: "body-field",
    key: "created_at",
    value: "2017-01-01T08:00:00.000000Z",
    why: "a date with an offset (10:00+02:00) is converted to UTC, not sent as wall time + Z",
  },
  "cli-delete-instance-default-now-tz.json": {
    kind: "body-field",
    key: "date",
    value: "now",
    why: "the default date is the current UTC time, not local time labelled Z (TZ=Asia/Tokyo)",
  },
  "cli-update-instance-hyphen.json": {
    kind: "command-works",
    method: "PUT",
    path: "/v1/entity/instance/c1a2b3c4-0000-4000-8000-000000000001",
    body: { name: "x" },
    why: "update-instance is the documented command name (the reference only had `update instance`)",
  },
  "cli-delete-volume.json": {
    kind: "command-works",
    method: "DELETE",
    path: "/v1/volume/c1a2b3c4-0000-4000-8000-0000000000f1",
    body: { date: "2017-03-01T00:00:00.000000Z" },
    why: "delete-volume is registered (the reference defined it but never registered it)",
  },
};

/** Deviations asserted on every CLI capture they apply to. */
export const CLI_RULES = {
  success: "results go to stdout with exit 0 (the reference used sys.exit(text): stderr, exit 1)",
  sizes: 'sizes are sent as JSON integers (the reference sent the argument string, e.g. "5")',
  attachments: "no --attachment sends [] (the reference sent null)",
  serviceName:
    "ALMANACH_SERVICE is looked up as a Keystone service name first (GET /v3/services?name=), as the reference documents it; then as an id, as it sent it",
  token: "one Keystone token serves the endpoint lookup and the API call (the reference authenticated twice)",
  errors:
    "an error line contains the reference's message (ours may add detail, e.g. which endpoint was missing)",
  exitCodes:
    "an error exits with the kit's code for what failed (core's EXIT; the reference exited 1 on every error)",
} as const;

/**
 * CLI_RULES.exitCodes, per capture: the exact code of every CLI capture that failed with the reference.
 * A failing capture missing here fails the test.
 */
export const CLI_EXIT_CODES: Record<string, { code: number; why: string }> = {
  "cli-bad-token.json": { code: EXIT.auth, why: "Almanach answered 401" },
  "cli-delete-instance-default-now-tz.json": { code: EXIT.notFound, why: "Almanach answered 404" },
  "cli-get-entity-unknown.json": { code: EXIT.notFound, why: "Almanach answered 404" },
  "cli-keystone-endpoint-service-name.json": {
    code: EXIT.unavailable,
    why: "no endpoint of the service in Keystone",
  },
};
