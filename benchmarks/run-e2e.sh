#!/bin/bash
# End-to-end benchmark, side by side: netlink4j vs iproute2 vs the C libmnl near-kernel limit.
#   benchmarks/run-e2e.sh [ROUNDS]      (default 5; root; from any directory)
# Each round works in fresh network namespaces (bridge br0, veth v0 in br0 / v1, all up) and
# every result is checked with iproute2 (FDB count with `bridge fdb show`, port flags with
# `ip -d link show`, dump counts as printed). Writes benchmarks/results/e2e-DATE.txt (the table)
# and e2e-DATE.raw (every sample).
#   op   = the program's own clock around the operation, after its socket set-up (and, for the
#          JVM, after warm-up: E2eBench runs the operation a few times on a scratch bridge first);
#   wall = the whole process, timed inside the netns (JVM start and warm-up included).
#          bridge/ip have no own clock: their op is their wall.
# Needs benchmarks/target/benchmarks.jar and examples/target/nlbridge.jar (built here if missing,
# REBUILD=1 to rebuild) and the peers in $BUILD (default /tmp/peers; built with $PEERS/install.sh
# if missing). JAVA_OPTS is passed to the JVMs.
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/.." && pwd)
R=${1:-5}; NS=nl4jbench$$
BUILD=${BUILD:-/tmp/peers}
PEERS=${PEERS:-$( [[ -d $repo/../shared/peers ]] && cd "$repo/../shared/peers" && pwd || echo /work/shared/peers)}
JAR=$here/target/benchmarks.jar
NLBRIDGE_JAR=${NLBRIDGE_JAR:-$repo/examples/target/nlbridge.jar}
C=$BUILD/fdblimit; GO=$BUILD/fdbbench-go
read -r -a JOPTS <<<"${JAVA_OPTS:-}"
JAVA=(java "${JOPTS[@]}" -cp "$JAR" io.netlink4j.benchmarks.E2eBench)

[[ $EUID -eq 0 ]] || { echo "run-e2e.sh needs root (network namespaces)" >&2; exit 1; }
if [[ ! -x $C || ! -x $GO ]]; then BUILD=$BUILD "$PEERS/install.sh"; fi
# the jars are built when missing (REBUILD=1: always); never `mvn install`
mods=benchmarks; [[ -f $repo/examples/nlbridge ]] && mods=benchmarks,examples   # examples has the nlbridge CLI
if [[ -n ${REBUILD:-} || ! -f $JAR || ( $mods == *examples && ! -f $NLBRIDGE_JAR ) ]]; then
  (cd "$repo" && mvn -q -pl "$mods" -am package -DskipTests -Dmaven.javadoc.skip)
fi
if [[ -f $NLBRIDGE_JAR ]]; then
  # as the examples/nlbridge launcher runs it (without its build-if-stale check)
  LOAD=(java "${JOPTS[@]}" --enable-native-access=ALL-UNNAMED -jar "$NLBRIDGE_JAR" fdb load); LOADER="nlbridge fdb load"
else  # the CLI is not built: a Java main that loads the file the same way (file -> bulk apply)
  LOAD=(java "${JOPTS[@]}" -cp "$JAR" io.netlink4j.benchmarks.FdbLoad); LOADER="FdbLoad (no nlbridge.jar)"
fi

mkdir -p "$here/results"
stamp=$(date -u +%F); out=$here/results/e2e-$stamp.txt; raw=$here/results/e2e-$stamp.raw
tmp=$(mktemp -d)
x() { ip netns exec "$NS" "$@"; }
# Flush the bridge synchronously before deleting the netns, so that no asynchronous clean-up
# of a big FDB competes with the next measurement for the CPU.
teardown() { [[ -e /run/netns/$NS ]] || return 0
  ip -n "$NS" link del br0 || true; ip -n "$NS" link del v0 || true; ip netns del "$NS"; sleep 0.2; }
trap 'teardown; rm -rf "$tmp"' EXIT
# Quiet by construction: IPv6 off before any device exists. Otherwise a veth coming up sends DAD,
# router solicitations and MLD reports, the bridge learns the sender's MAC on v0, and that entry
# lands inside a measured dump (interrupting it) or in a readback count.
fresh() { teardown; ip netns add "$NS"
  x sh -c '[ ! -d /proc/sys/net/ipv6 ] || { echo 1 >/proc/sys/net/ipv6/conf/all/disable_ipv6 &&
    echo 1 >/proc/sys/net/ipv6/conf/default/disable_ipv6; }'
  x ip link set lo up; x ip link add br0 type bridge; x ip link add v0 type veth peer name v1
  x ip link set v0 master br0; x ip link set br0 up; x ip link set v0 up; x ip link set v1 up
  ifx=$(x cat /sys/class/net/v0/ifindex); }
fail() { echo "FAIL: $*" >&2; exit 1; }
# m GROUP TOOL N CMD...: run CMD in the netns (stdout to $tmp/out); record op ("... in Xs") and wall.
m() { local group=$1 tool=$2 n=$3; shift 3
  local us; us=$(x bash -c 's=$EPOCHREALTIME; "$@" >"$0" || exit; e=$EPOCHREALTIME; times >"$0.times"
    echo $((${e/.} - ${s/.}))' "$tmp/out" "$@") || fail "$group $tool: $* exited non-zero"
  local op; op=$(sed -n 's/.* in \([0-9.]*\)s$/\1/p' "$tmp/out" | head -1)
  # CPU (user+sys) of the operation: the JVM reports its timed thread's; for the others, the
  # whole process's (bash `times`: its children), which is their operation plus a negligible start
  local cpu; cpu=$(awk '$1 == "cpu" {print $2}' "$tmp/out")
  [[ -n $cpu ]] || cpu=$(tail -1 "$tmp/out.times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/)
    printf "%.6f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$tool" "$n" "${op:--}" "$us" "${cpu:--}" >>"$tmp/raw"; }
printed() { awk '{print $2; exit}' "$tmp/out"; }   # the count the program printed
field() { awk -v k="$1" '$1 == k {print $2}' "$tmp/out"; }
expect() { [[ $2 == "$3" ]] || fail "$1: got $2, want $3"; }
# readback CMD...: CMD's stdout, read again (up to 10 times) while iproute2 says the dump was
# interrupted (NLM_F_DUMP_INTR: the table changed while it was read; entries may repeat or be missing)
readback() { local i
  for i in {1..10}; do
    x "$@" >"$tmp/rb" 2>"$tmp/rb.err" || fail "readback: $* exited non-zero: $(cat "$tmp/rb.err")"
    grep -q 'Dump was interrupted' "$tmp/rb.err" || { cat "$tmp/rb"; return; }
  done
  fail "readback: $*: dump interrupted 10 times in a row"; }
# distinct static entries on v0, as iproute2 reads them back
fdb_ok() { expect "$1: static entries on v0" "$(readback bridge fdb show br br0 brport v0 | sort -u | grep -cw static || true)" "$2"; }
# distinct static entries in a measured `bridge fdb show` (its own output: not read again)
shown() { sort -u "$tmp/out" | grep -cw static || true; }
# port_ok WHO: both flags must be on after WHO ran; then back to off for the next tool.
port_ok() { expect "$1: hairpin + proxy_arp on at the end" "$(x ip -d link show v0 | grep -o 'hairpin on\| proxy_arp on' | wc -l)" 2
  x ip link set dev v0 type bridge_slave proxy_arp off hairpin off; }

# Inputs, as in the peers' run.sh. MACs 02:30:<i as 4 bytes>; port updates alternate off/on and end on.
gen() { awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "fdb add 02:30:%02x:%02x:%02x:%02x dev v0 master static\n",
  int(i / 16777216) % 256, int(i / 65536) % 256, int(i / 256) % 256, i % 256 }'; }
gen 10000 >"$tmp/b10k"; gen 100000 >"$tmp/b100k"
# the same 100k entries in nlbridge's fdb load format: add MAC DEV
sed 's/^fdb add \([^ ]*\) dev \([^ ]*\) master static$/add \1 \2/' "$tmp/b100k" >"$tmp/n100k"
for i in {0..999}; do s=off; ((i % 2)) && s=on
  echo "link set dev v0 type bridge_slave proxy_arp $s hairpin $s"; done >"$tmp/ip1k"
# the CLI rows: the same 1,000 updates as nlbridge -batch lines, and a hello JVM for JVM start
for i in {0..999}; do s=off; ((i % 2)) && s=on
  echo "port set v0 --proxy-arp $s --hairpin $s"; done >"$tmp/nl1k"
NLBRIDGE=$repo/examples/nlbridge; CLI=; [[ -f $NLBRIDGE_JAR && -x $NLBRIDGE ]] && CLI=1
if [[ -n $CLI ]]; then
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$tmp/Hello.java"
  javac -d "$tmp" "$tmp/Hello.java"
  HELLO=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$tmp" Hello)   # the launcher's one-shot flags
fi

# One request per port update, counted independently: strace sees every sendto/sendmsg of the JVM.
fresh
x strace -f -qq -e trace=sendto,sendmsg -o "$tmp/strace" "${JAVA[@]}" port 10 >"$tmp/out"
port_ok "library port (strace)"
setlinks=$(grep -c 'RTM_NEWLINK\|RTM_SETLINK' "$tmp/strace" || true)
rounds=$(field rounds)   # 1 counted + the warm-up passes (until the JIT is idle) + 1 timed
echo "port update requests seen by strace: $setlinks for $rounds x 10 updates (warm-up rounds + 1 timed)" >"$tmp/strace.txt"
expect "strace: netlink link requests for $rounds x 10 port updates" "$setlinks" $((rounds * 10))

# the launcher writes its class-data archive on its first run after a build: not in a round
if [[ -n $CLI ]]; then fresh; x "$NLBRIDGE" port show >/dev/null; x "$NLBRIDGE" port show >/dev/null; fi
for r in $(seq "$R"); do
  echo "round $r/$R" >&2
  fresh; m "add 10k" "C libmnl pipelined 64" 10000 "$C" add "$ifx" 10000 64; fdb_ok "C add 64" 10000
  fresh; m "add 10k" "netlink4j bulk (window 64)" 10000 "${JAVA[@]}" add 10000; fdb_ok "library bulk" 10000
  expect "library bulk: printed count" "$(printed)" 10000
  fresh; m "add 10k" "C libmnl one at a time" 10000 "$C" add "$ifx" 10000 1; fdb_ok "C add 1" 10000
  fresh; m "add 10k" "netlink4j one at a time" 10000 "${JAVA[@]}" add1 10000; fdb_ok "library add1" 10000
  fresh; m "add 10k" "netlink4j one at a time, ifindex" 10000 "${JAVA[@]}" add1idx 10000; fdb_ok "library add1idx" 10000
  fresh; m "add 10k" "go vishvananda" 10000 "$GO" add 10000; fdb_ok "go add" 10000
  fresh; m "add 10k" "bridge -batch" 10000 bridge -batch "$tmp/b10k"; fdb_ok "bridge -batch" 10000
  m "dump 10k" "C libmnl" 10000 "$C" dump "$ifx"; expect "C dump" "$(printed)" 10000
  m "dump 10k" "netlink4j streaming" 10000 "${JAVA[@]}" dump; expect "library dump" "$(printed)" 10000
  printf 'dump 10k\t%s\n' "$(field alloc)" >>"$tmp/alloc"
  m "dump 10k" "bridge fdb show" 10000 bridge fdb show br br0; expect "bridge fdb show" "$(shown)" 10000
  m "dump 10k" "go vishvananda" 10000 "$GO" dump; expect "go dump" "$(printed)" 10000
  fresh
  m "port 1000" "C libmnl pipelined 64" 1000 "$C" port "$ifx" 1000 64; port_ok "C port 64"
  m "port 1000" "C libmnl one at a time" 1000 "$C" port "$ifx" 1000 1; port_ok "C port 1"
  m "port 1000" "netlink4j one at a time" 1000 "${JAVA[@]}" port 1000; port_ok "library port"
  expect "library port: requests for 1000 updates" "$(field requests)" 1000
  m "port 1000" "netlink4j one at a time, ifindex" 1000 "${JAVA[@]}" portidx 1000; port_ok "library portidx"
  m "port 1000" "netlink4j setAll (window 64)" 1000 "${JAVA[@]}" portbulk 1000; port_ok "library setAll"
  m "port 1000" "ip -batch" 1000 ip -batch "$tmp/ip1k"; port_ok "ip -batch"
  m "port 1000" "go vishvananda (2 msgs each)" 1000 "$GO" port; port_ok "go port"
  if [[ -n $CLI ]]; then   # the CLI, whole processes: one-shot start-up and -batch
    m "cli one-shot" "nlbridge port show" 1 "$NLBRIDGE" port show; expect "nlbridge port show" "$(grep -c ': v0' "$tmp/out")" 1
    m "cli one-shot" "ip -d link show" 1 ip -d link show; expect "ip -d link show" "$(grep -c ': v0' "$tmp/out")" 1
    m "cli one-shot" "java hello (JVM start)" 1 "${HELLO[@]}"
    m "cli batch 1000" "nlbridge -batch" 1000 "$NLBRIDGE" -batch "$tmp/nl1k"; port_ok "nlbridge -batch"
    m "cli batch 1000" "ip -batch" 1000 ip -batch "$tmp/ip1k"; port_ok "ip -batch (cli)"
  fi
  fresh; m "add 100k" "C libmnl pipelined 64" 100000 "$C" add "$ifx" 100000 64; fdb_ok "C add 100k" 100000
  m "dump 100k" "C libmnl" 100000 "$C" dump "$ifx"; expect "C dump 100k" "$(printed)" 100000
  fresh; m "add 100k" "netlink4j bulk (window 64)" 100000 "${JAVA[@]}" add 100000; fdb_ok "library bulk 100k" 100000
  m "dump 100k" "netlink4j streaming" 100000 "${JAVA[@]}" dump; expect "library dump 100k" "$(printed)" 100000
  printf 'dump 100k\t%s\n' "$(field alloc)" >>"$tmp/alloc"
  m "dump 100k" "bridge fdb show" 100000 bridge fdb show br br0; expect "bridge fdb show 100k" "$(shown)" 100000
  fresh; m "add 100k" "bridge -batch" 100000 bridge -batch "$tmp/b100k"; fdb_ok "bridge -batch 100k" 100000
  fresh; m "load 100k" "$LOADER" 100000 "${LOAD[@]}" "$tmp/n100k"; fdb_ok "$LOADER 100k" 100000
done
# Diagnostic, once: the same 1000 port updates in each message form, in one warm JVM.
fresh; x "${JAVA[@]}" portforms 1000 >"$tmp/forms"; port_ok "library portforms"
teardown

cp "$tmp/raw" "$raw"
{
echo "# netlink4j end to end, $R rounds, $(date -u '+%F %H:%M') UTC, kernel $(uname -r), $(nproc) cores, $(java -version 2>&1 | head -1), $(ip -V)"
echo "# JAVA_OPTS: ${JAVA_OPTS:-(none)}; library commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo ?)"
/usr/bin/python3 - "$tmp/raw" "$tmp/alloc" <<'EOF'
import statistics as st, sys
rows = {}  # (group, tool) -> (items, wall seconds, op seconds)
cpus = {}  # (group, tool) -> CPU seconds of the JVM's timed thread
for line in open(sys.argv[1]):
    group, tool, n, op, us, cpu = line.rstrip("\n").split("\t")
    r = rows.setdefault((group, tool), (int(n), [], []))
    r[1].append(int(us) / 1e6)
    if op != "-":
        r[2].append(float(op))
    if cpu != "-":
        cpus.setdefault((group, tool), []).append(float(cpu))
ops = lambda k: rows[k][2] or rows[k][1]
med = lambda k: st.median(ops(k))
ms = lambda v: "%8.1f" % (v * 1e3)
cref = {"add 10k": "C libmnl pipelined 64", "add 100k": "C libmnl pipelined 64", "dump 10k": "C libmnl",
        "dump 100k": "C libmnl", "port 1000": "C libmnl pipelined 64"}
iref = {"add 10k": "bridge -batch", "add 100k": "bridge -batch", "dump 10k": "bridge fdb show",
        "dump 100k": "bridge fdb show", "port 1000": "ip -batch"}
print("%-44s %8s %8s %8s %8s %7s %6s %6s %8s %6s" % ("ms (* = no own clock: op is wall)", "op med", "op min",
      "wall med", "wall min", "us/item", "x C", "x ip2", "cpu med", "x Ccpu"))
for group in ["add 10k", "add 100k", "dump 10k", "dump 100k", "port 1000"]:
    for (g, tool), (n, walls, o) in rows.items():
        if g != group:
            continue
        v = ops((g, tool))
        xc = med((g, tool)) / med((g, cref[g]))
        xi = med((g, tool)) / med((g, iref[g]))
        c = cpus.get((g, tool))
        cc = cpus.get((g, cref[g]))
        print("%-9s %-34s %s%s %s %s %s %7.2f %6.2f %6.2f %s %s" % (g, tool, ms(st.median(v)), " " if o else "*",
              ms(min(v)), ms(st.median(walls)), ms(min(walls)), st.median(v) / n * 1e6, xc, xi,
              ms(st.median(c)) if c else "%8s" % "-",
              "%6.2f" % (st.median(c) / st.median(cc)) if c and cc and st.median(cc) > 0 else "%6s" % "-"))
# fdb load: the whole process (JVM start included) against bridge -batch of the same file
lk = next(k for k in rows if k[0] == "load 100k")
bk = ("add 100k", "bridge -batch")
lw, bw = rows[lk][1], rows[bk][1]
print("load 100k %-34s %8s %8s %s %s %7.2f %6s %6.2f" % (lk[1] + " (wall)", "-", "-", ms(st.median(lw)), ms(min(lw)),
      st.median(lw) / 1e5 * 1e6, "-", st.median(lw) / st.median(bw)))
# the CLI: whole processes (wall), each against the reference of its group in the same rounds
for g, ref in (("cli one-shot", "ip -d link show"), ("cli batch 1000", "ip -batch")):
    for (gg, tool), (n, walls, o) in rows.items():
        if gg == g:
            print("%-14s %-29s %8s %8s %s %s %7s %6s %6.2f" % (g, tool + " (wall)", "-", "-", ms(st.median(walls)),
                  ms(min(walls)), "-", "-", st.median(walls) / st.median(rows[(g, ref)][1])))
print()
growth = []
for t in ("netlink4j bulk (window 64)", "C libmnl pipelined 64", "bridge -batch"):
    a, b = ("add 10k", t), ("add 100k", t)
    growth.append("%s x%.2f (mins x%.2f)" % (t, med(b) / 10 / med(a), min(ops(b)) / 10 / min(ops(a))))
print("per-entry cost 100k / 10k, medians: " + ", ".join(growth))
alloc = {}
for line in open(sys.argv[2]):
    g, b = line.rstrip("\n").split("\t")
    alloc.setdefault(g, []).append(int(b))
print("streaming dump, bytes allocated by the dumping thread during the timed dump (median, max):")
for g, n in (("dump 10k", 10000), ("dump 100k", 100000)):
    v = alloc.get(g, [])
    if v:
        print("  %-9s %8d B  max %8d B  = %.4f B/entry" % (g, st.median(v), max(v), st.median(v) / n))
print("us/item = op median / items; x C = op median / the group's C libmnl op median (pipelined 64 for")
print("writes); x ip2 = op median / the group's iproute2 op median (bridge -batch, bridge fdb show, ip -batch);")
print("load: wall (JVM start, file parse, 100k adds) / wall of bridge -batch of the same entries (add 100k row);")
print("cli: whole processes, JVM start included; x ip2 = wall median / wall median of ip -d link show (one-shot)")
print("or of ip -batch of the same 1,000 port updates (batch); java hello = a bare JVM with the launcher's flags;")
print("cpu med = CPU time (user+sys) of the operation: for the JVM its timed thread's, for the others the whole")
print("process's. Netlink requests are processed in the sender's context, so this includes the kernel's work;")
print("op - cpu is time spent waiting for the CPU or the RTNL lock (other load on the machine). x C cpu = cpu")
print("median / the group's C cpu median: the comparison that load on the machine disturbs least")
EOF
cat "$tmp/strace.txt"
echo "port update message forms, 1000 updates each, one warm JVM (op s / thread cpu s):"
paste - - <"$tmp/forms" | awk '{printf "  %-24s %s s  cpu %s s\n", $1, $4, $6}' | sed 's/s s/s/'
} | tee "$out"
echo "results: $out (samples: $raw)" >&2
