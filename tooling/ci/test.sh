#!/usr/bin/env bash
# `pnpm test` (the README's test command, and so CI): every check a change must pass, in one place.
# The real services the suites need (PostgreSQL, Keystone, CloudKitty) are started on first use by the
# suites themselves; `services.sh run` stops whatever was started once everything is done.
set -euo pipefail
cd "$(dirname "$0")/../.."
turbo=node_modules/.bin/turbo
# Suites share two cores and real services; more parallelism only turns load into timeouts.
concurrency=${MK_TEST_CONCURRENCY:-2}
# The CloudKitty property test (engine vs. server) runs its full 500 generated rule sets here too (about
# 13 minutes of the server's time on a loaded machine); MK_HASHMAP_PROPERTY_CASES lowers it for a quick run.

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "build"
"$turbo" run build

step "lint"
node_modules/.bin/biome check .

run_all() {
  set -euo pipefail
  step "typecheck and test (Node $(node --version))"
  "$turbo" run typecheck test --concurrency="$concurrency" --continue
  step "public packages on Node 24"
  bash tooling/release/node24.sh --concurrency="$concurrency"
  step "pack check: each package installed alone from its tarball"
  node tooling/release/pack-check.mjs
}
export -f run_all step
export turbo concurrency
bash tooling/services/services.sh run -- bash -c run_all

step "changeset version, dry run"
node tooling/release/changeset-dry-run.mjs

step "API reference (typedoc, warnings are errors)"
node_modules/.bin/typedoc --logLevel Warn

echo
echo "all checks passed"
