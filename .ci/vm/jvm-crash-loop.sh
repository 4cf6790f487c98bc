#!/bin/bash
# Boots the VM lane N times in a row, each time running the JVM workload that crashed under TCG
# (the JUnit console launcher scanning the test class names, as the VLAN lane does, without
# running any test; then a short picocli CLI run), and counts JVM crashes.
#   bash .ci/vm/jvm-crash-loop.sh N [LOG_DIR]
# Needs the lane's build output (run .ci/vm/run-vlan-tests.sh once, or its step 1 and 2).
# A boot counts as a crash when a java exits 134 (SIGABRT after the fatal-error handler) or 139,
# or prints HotSpot's fatal-error banner, or leaves an hs_err file. A VM failure (125) is counted
# apart. CRASH_LOOP_WORKLOAD=cli runs only the CLI (the launcher takes minutes on a loaded host). Settings under test come from the environment: VMLANE_ACCEL, VMLANE_CPU, and JVM flags
# in VMLANE_JAVA_OPTS (given to every java of the workload). Exit 0 only if no boot crashed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:?usage: jvm-crash-loop.sh N [LOG_DIR]}
LOGS=${2:-$ROOT/netlink-bridge/target/vlan-lane/crash-loop}
OUT=$ROOT/netlink-bridge/target/vlan-lane
LAUNCHER=$OUT/junit-platform-console-standalone-1.14.4.jar
[[ -s $LAUNCHER && -s $OUT/classpath.txt ]] || { echo "build first: bash .ci/vm/run-vlan-tests.sh" >&2; exit 2; }
CP=$ROOT/examples/target/test-classes:$ROOT/examples/target/classes:$ROOT/netlink-bridge/target/test-classes:$ROOT/netlink-bridge/target/classes:$ROOT/netlink-core/target/test-classes:$(cat "$OUT/classpath.txt")
mkdir -p "$LOGS"
cd "$ROOT"

# The workload, run by bash inside the VM; hs_err files land in the (shared) log dir.
# CRASH_LOOP_WORKLOAD=cli skips the launcher (minutes per boot on a loaded host).
cat > "$LOGS/workload.sh" <<EOF
J="java \${VMLANE_JAVA_OPTS:-} -XX:ErrorFile=\$1/hs_err_%p.log"
if [ "\${CRASH_LOOP_WORKLOAD:-both}" = cli ]; then echo discover=skipped; else
\$J -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED -jar $LAUNCHER discover \
  --disable-banner --disable-ansi-colors --class-path $CP \
  --scan-classpath $ROOT/netlink-bridge/target/test-classes --scan-classpath $ROOT/examples/target/test-classes \
  --exclude-classname '.*DemoCommandVlanKernelTest' --include-tag vlan > \$1/discover.out 2>&1
echo "discover=\$?"
fi
\$J -cp $CP io.netlink4j.examples.Nlbridge --version 2>&1
echo "cli=\$?"
EOF

crashes=0 vmfail=0
echo "settings: VMLANE_ACCEL=${VMLANE_ACCEL:-} VMLANE_CPU=${VMLANE_CPU:-} VMLANE_JAVA_OPTS=${VMLANE_JAVA_OPTS:-}"
for ((i = 1; i <= N; i++)); do
  d=$LOGS/boot-$i; rm -rf "$d"; mkdir -p "$d"
  VMLANE_ENV="VMLANE_JAVA_OPTS CRASH_LOOP_WORKLOAD ${VMLANE_ENV:-}" bash .ci/vm/vmlane.sh run -t 600 -- bash "$LOGS/workload.sh" "$d" >"$d/out" 2>"$d/err"
  rc=$?
  crashed=no
  if [[ $rc == 125 ]]; then vmfail=$((vmfail + 1)); crashed=vmfail
  elif grep -qE '^(discover|cli)=(134|139)$' "$d/out" || ls "$d"/hs_err_*.log >/dev/null 2>&1 ||
       grep -qs 'A fatal error has been detected' "$d/out" "$d/discover.out"; then
    crashes=$((crashes + 1)); crashed=CRASH
  elif ! grep -qxE 'discover=(0|skipped)' "$d/out" || ! grep -qx 'cli=0' "$d/out"; then
    crashed="other-failure"   # counted as neither; look at the logs
  fi
  echo "boot $i/$N: $crashed $(tr '\n' ' ' < "$d/out" | grep -oE '(discover|cli)=[0-9a-z]+' | tr '\n' ' ')$(grep -o 'timing:.*' "$d/err")"
  [[ $crashed == CRASH ]] && grep -h -m3 -E '^# (SIGSEGV|SIGBUS|SIGILL|Problematic|[JVj] )|^# +[A-Za-z]' "$d"/hs_err_*.log "$d/discover.out" "$d/out" 2>/dev/null | head -6 | sed 's/^/    /'
done
echo "result: $crashes crashed boot(s) of $N, $vmfail VM failure(s)"
[[ $crashes == 0 && $vmfail == 0 ]]
