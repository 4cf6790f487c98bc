#!/bin/bash
# Captures the RTNLGRP_BRVLAN notifications (RTM_NEWVLAN / RTM_DELVLAN) that iproute2's VLAN
# commands cause, for the monitor's decoder tests: `bridge monitor vlan` prints no bytes, so a
# python3 netlink socket joined to the group records every datagram. Boots the VM lane (the host
# kernel has no bridge VLAN filtering) and writes netlink-core/src/test/resources/golden/monitor_vlan_vm.txt.
#   bash .ci/vm/capture-vlan-monitor.sh            (on the host; creates and deletes its own netns in the VM)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/netlink-core/src/test/resources/golden/monitor_vlan_vm.txt
if [ "${1-}" != --inside ]; then
    cd "$ROOT" && exec bash "${VMLANE:-$ROOT/.ci/vm/vmlane.sh}" run -t 300 -- bash "$ROOT/.ci/vm/capture-vlan-monitor.sh" --inside
fi
NS="monvm$$"
trap 'ip netns del "$NS" 2>/dev/null' EXIT
ip netns add "$NS" || exit 1
ip netns exec "$NS" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
STEPS=(
    "ip link add br0 type bridge vlan_filtering 1"
    "ip link add v0 type veth peer name v1"
    "ip link set v0 master br0"
    "bridge vlan add dev v0 vid 100 pvid untagged"
    "bridge vlan add dev v0 vid 200-210"
    "bridge vlan set dev v0 vid 205 state blocking"
    "bridge vlan set dev v0 vid 200-202 mcast_router 2"
    "bridge vlan add dev br0 vid 10 self"
    "bridge vlan del dev v0 vid 200-210"
    "bridge vlan global set dev br0 vid 10 mcast_snooping 0"
    "ip link set v0 nomaster"
)
{
    echo "# command: python3 netlink socket joined to RTNLGRP_BRVLAN (33) while the steps below run"
    echo "# setup: fresh netns, IPv6 off"
    echo "# captured: $(date +%F), $(ip -V | sed -n 's/.*\(iproute2-[0-9.]*\).*/\1/p'), kernel $(uname -r)"
    echo "# note: captured in the VM lane (Debian kernel with CONFIG_BRIDGE_VLAN_FILTERING=y) by .ci/vm/capture-vlan-monitor.sh"
    echo "# note: notifications only, nothing sent: one '< recv' block per datagram, each preceded by the step that caused it"
    echo "# note: ifindex: lo=1, br0=2, v1=3, v0=4"
    ip netns exec "$NS" python3 - "${STEPS[@]}" <<'PYEOF'
import socket, struct, subprocess, sys, time
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.bind((0, 0))
s.setsockopt(270, 1, 33)  # SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, RTNLGRP_BRVLAN
s.setblocking(False)
names = {112: "RTM_NEWVLAN", 113: "RTM_DELVLAN"}
for step in sys.argv[1:]:
    rc = subprocess.call(step, shell=True)
    if rc != 0:
        sys.exit("step failed (%d): %s" % (rc, step))
    time.sleep(0.3)
    while True:
        try:
            d = s.recv(65536)
        except BlockingIOError:
            break
        ln, ty = struct.unpack_from("=IH", d, 0)
        print("# step: %s -> %s len %d ifindex %d" % (step, names.get(ty, ty), ln, struct.unpack_from("=i", d, 20)[0]))
        print("< recv")
        for i in range(0, len(d), 16):
            print(" ".join("%02x" % b for b in d[i:i + 16]))
        print()
PYEOF
} > "$OUT.tmp" && mv "$OUT.tmp" "$OUT" && echo "wrote $OUT"
