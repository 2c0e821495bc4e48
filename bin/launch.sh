#!/usr/bin/env bash
# Shared by the launchers at the repository root: builds MODULE (and what it needs) when its jar is
# missing or older than the sources it is built from, then runs the jar with the given arguments.
# Usage: launch.sh MODULE "SOURCE_DIRS..." JAVA_OPTS ARGS...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$1"; sources="$2"; java_opts="$3"; shift 3
jar="$root/$module/target/$module.jar"
stale() {
  [ ! -f "$jar" ] && return 0
  local dirs=()
  for d in $sources; do dirs+=("$root/$d"); done
  [ -n "$(find "$root/pom.xml" "${dirs[@]}" \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]
}
if stale; then
  echo "$module: building (first use, or sources changed); this takes a minute..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl "$module" -am package) >&2
fi
export ORT_DISABLE_TELEMETRY=1
# shellcheck disable=SC2086
exec java $java_opts -Dedgevision.home="$root" -jar "$jar" "$@"
