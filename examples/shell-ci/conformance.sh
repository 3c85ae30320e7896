#!/usr/bin/env bash
# AWS Backup conformance in any CI that runs a shell (GitLab CI, Jenkins, Buildkite, CircleCI, a Makefile):
# the suite against the built-in mock and, when ENDPOINT is set, against that server (your mock, moto,
# LocalStack), each writing junit.xml, results.json, summary.md and report.html under $OUT/<name>/.
# Exit code: the worst of the runs — 0 every check passes, 1 findings, 2 usage or configuration error.
#
# Settings (environment):
#   ENDPOINT     URL of a server that speaks AWS Backup, e.g. http://127.0.0.1:5000 (default: none)
#   OUT          where the reports go (default: reports)
#   RUNS         random cases per operation (default: 100)
#   SEED         replays a run (default: random; each report prints its seed)
#   WAIT         seconds to wait for ENDPOINT to answer (default: 60)
#   CONFORMANCE  the command (default: npx --no-install aws-backup-conformance)
set -uo pipefail

OUT=${OUT:-reports}
RUNS=${RUNS:-100}
WAIT=${WAIT:-60}
CONFORMANCE=${CONFORMANCE:-npx --no-install aws-backup-conformance}
worst=0

conformance() { # <name> <target>
  echo "--- conformance: $1 ($2)"
  # shellcheck disable=SC2086 # CONFORMANCE is a command line
  $CONFORMANCE run --target "$2" --runs "$RUNS" ${SEED:+--seed "$SEED"} \
    --reporter junit,json,md,html --out "$OUT/$1"
  local code=$?
  echo "--- $1: exit $code"
  [ "$code" -gt "$worst" ] && worst=$code
}

conformance builtin builtin

if [ -n "${ENDPOINT:-}" ]; then
  # a service started just before may not answer yet: any HTTP answer means it is up
  if node -e '
    const [url, wait] = [process.argv[1], Number(process.argv[2])];
    const until = Date.now() + wait * 1000;
    (async () => {
      for (;;) {
        try { await fetch(url, { signal: AbortSignal.timeout(2000) }); return; } catch {}
        if (Date.now() > until) process.exit(1);
        await new Promise((r) => setTimeout(r, 500));
      }
    })();' "$ENDPOINT" "$WAIT"; then
    conformance endpoint "endpoint:$ENDPOINT"
  else
    echo "ENDPOINT $ENDPOINT did not answer within $WAIT s"
    [ "$worst" -lt 2 ] && worst=2
  fi
fi

echo "reports: $OUT/ (exit $worst)"
exit "$worst"
