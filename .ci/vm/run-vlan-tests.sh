#!/bin/bash
# The VLAN lane: runs the tests tagged "vlan" (they need CONFIG_BRIDGE_VLAN_FILTERING, which the
# host kernel lacks) inside the VM of .ci/vm/vmlane.sh. Builds and computes the classpath on the
# host (Maven inside the VM is slow), then runs the JUnit console launcher in the VM as root.
#   bash .ci/vm/run-vlan-tests.sh            from anywhere; exit status = the tests' (125: the VM failed)
# Environment: CI (passed into the VM: KernelTest fails instead of skipping), VLAN_LANE_TIMEOUT
# (seconds for the VM, default 900), VMLANE (the lane script, default .ci/vm/vmlane.sh),
# VLAN_LANE_CLASSES (a class-name regex: run only those vlan-tagged classes, e.g. '.*VlansKernelTest').
# With CI=true a run that skipped or aborted any test, or found none, fails.
# Runs the vlan-tagged tests of netlink-bridge and examples, except the whole demo in the VM
# (DemoCommandVlanKernelTest: ~6 minutes under TCG emulation; run it by hand when the demo changes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
LANE=${VMLANE:-$ROOT/.ci/vm/vmlane.sh}
OUT=$ROOT/netlink-bridge/target/vlan-lane
LAUNCHER_VERSION=1.14.4
LAUNCHER=$OUT/junit-platform-console-standalone-$LAUNCHER_VERSION.jar
say() { echo "run-vlan-tests: $*" >&2; }

# 1. compile main and test classes of netlink-bridge and what it needs (no install, no package)
#    and write netlink-bridge's test classpath (reactor modules resolve to their target dirs)
mkdir -p "$OUT"
say "building (mvn test-compile) and computing the test classpath"
mvn -q -B -pl examples -am test-compile dependency:build-classpath -Dmaven.javadoc.skip \
    -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
# every module of the reactor wrote the file; examples, built last, wrote it last (it alone has picocli)
grep -q "picocli" "$OUT/classpath.txt" || { say "classpath.txt is not the examples module's"; exit 1; }
CP=$ROOT/examples/target/test-classes:$ROOT/examples/target/classes:$ROOT/netlink-bridge/target/test-classes:$ROOT/netlink-bridge/target/classes:$ROOT/netlink-core/target/test-classes:$(cat "$OUT/classpath.txt")

# 2. the JUnit console launcher, fetched through Maven once
if [[ ! -s $LAUNCHER ]]; then
    say "fetching junit-platform-console-standalone $LAUNCHER_VERSION"
    mvn -q -B -N dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:$LAUNCHER_VERSION \
        -DoutputDirectory="$OUT" -Dmdep.overWriteIfNewer=true
fi

# 3. the VM, then the tests inside it (CI is passed in by the lane)
bash "$LANE" setup
# No retry: a JVM crash in the VM is a red like any other failure. The crashes once seen here
# (SIGSEGV in C1-compiled code under multi-threaded TCG) are pinned off in vmlane.sh (single-threaded
# TCG; measurements in .ci/vm/README.md). An hs_err_pid*.log then lands in the repository root.
rm -rf "$OUT/reports"
set +e
bash "$LANE" run -t "${VLAN_LANE_TIMEOUT:-900}" -- \
    java -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -jar "$LAUNCHER" execute --disable-banner --disable-ansi-colors --details=tree --fail-if-no-tests \
    --class-path "$CP" --scan-classpath "$ROOT/netlink-bridge/target/test-classes" \
    --scan-classpath "$ROOT/examples/target/test-classes" \
    --include-classname "${VLAN_LANE_CLASSES:-^(Test.*|.+[.\$]Test.*|.*Tests?)\$}" \
    --exclude-classname '.*DemoCommandVlanKernelTest' \
    --include-tag vlan --reports-dir "$OUT/reports" 2>&1 | tee "$OUT/console.txt"
rc=${PIPESTATUS[0]}
set -e
if [[ $rc != 0 ]] && grep -q "A fatal error has been detected by the Java Runtime Environment" "$OUT/console.txt"; then
    say "the JVM in the VM crashed (exit $rc); not retried: see .ci/vm/README.md (JVM crashes under TCG)"
fi

# 4. under CI a skipped or aborted test is a failure: the lane exists to run them
if [[ ${CI:-} == true && $rc == 0 ]]; then
    bad=$(awk '/tests (skipped|aborted)/ { gsub(/[^0-9]/, "", $2); n += $2 } END { print n + 0 }' "$OUT/console.txt")
    if [[ $bad != 0 ]]; then
        say "CI=true: $bad VLAN test(s) skipped or aborted instead of running"
        rc=1
    fi
fi
say "exit $rc (reports: $OUT/reports)"
exit "$rc"
