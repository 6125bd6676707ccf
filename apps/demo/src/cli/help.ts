/** `--help`. */
export const HELP = `meterkit demo: the whole meterkit flow, end to end, in one command

  npx --yes pnpm@10.34.9 demo [-- options]

Describes a provider's inventory (connector-model), converts raw metrics (metric-parser), records a month
of instance and volume lifecycles in Almanach (ledger-client), prices the month in CloudKitty and with the
local rating engine (rating-hashmap-client), publishes the SLA catalog (sla-catalog-client) and reports
usage to Waldur (allocation-client). Writes report.html (with a chart) and report.json.

Without flags, Almanach and Waldur are local stand-ins (apps/sandbox) and the SLA catalog is meterkit's own
service (@meterkit/sla-catalog-server), on free loopback ports, and the real CloudKitty is started from Debian's packages (tooling/services). Each can instead be a
real deployment:

  --almanach-url URL          Almanach (env MK_DEMO_ALMANACH_URL)
  --almanach-token TOKEN      its X-Auth-Token (env MK_DEMO_ALMANACH_TOKEN; default: a Keystone token)
  --cloudkitty-url URL        CloudKitty, without /v1 (env MK_DEMO_CLOUDKITTY_URL); Keystone auth when the
                              Keystone settings below are given, none otherwise
  --no-cloudkitty             price with the local rating engine alone
  --keystone-url URL          Keystone v3 (env OS_AUTH_URL)
  --keystone-user NAME        (env OS_USERNAME)
  --keystone-password PASS    (env OS_PASSWORD; prefer the variable to the flag)
  --keystone-project NAME     (env OS_PROJECT_NAME, default admin)
  --keystone-domain NAME      user and project domain (env OS_USER_DOMAIN_NAME, default Default)
  --keystone-region NAME      (env OS_REGION_NAME)
  --waldur-url URL            Waldur API root, e.g. https://waldur.example/api/ (env MK_DEMO_WALDUR_URL)
  --waldur-token TOKEN        (env MK_DEMO_WALDUR_TOKEN)
  --sla-catalog-url URL       ending in /sla-catalog/v1 (env MK_DEMO_SLA_CATALOG_URL)
  --sla-catalog-token TOKEN   sent as a Bearer token (env MK_DEMO_SLA_CATALOG_TOKEN); without
                              --sla-catalog-url, the admin token the local catalog accepts (default: random)

Other options:
  --month YYYY-MM             the simulated month (default: last month)
  --out DIR                   where the reports go (default: a new folder in the OS temp dir)
  --keep-running              after the report, keep the stand-ins and the CloudKitty rules until Ctrl-C
  --plain                     no progress animation (the default when stdout is not a terminal)
  -h, --help                  this text

Exit status: 0 when every step succeeded, 1 when one failed (the message says which), 2 on bad options.
`;
