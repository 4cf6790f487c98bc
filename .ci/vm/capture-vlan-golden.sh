#!/bin/bash
# Captures golden netlink bytes of the VLAN commands against a kernel WITH bridge VLAN filtering:
# boots the VM lane and runs the same strace capture as netlink-core/src/test/resources/golden/
# capture.sh (its converter is reused verbatim), writing NAME_vm.txt next to the host captures.
#   bash .ci/vm/capture-vlan-golden.sh            (on the host; ONLY="name ..." to redo some)
# Inside the VM it re-runs itself with --inside. Every capture runs in a fresh netns.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GOLDEN=$ROOT/netlink-core/src/test/resources/golden
LANE=${VMLANE:-$ROOT/.ci/vm/vmlane.sh}

if [ "${1-}" != --inside ]; then
    cd "$ROOT" && VMLANE_ENV="ONLY ${VMLANE_ENV:-}" exec bash "$LANE" run -t 300 -- bash "$ROOT/.ci/vm/capture-vlan-golden.sh" --inside
fi

NS="goldvm$$"
TMP=$(mktemp -d)
cleanup() { ip netns del "$NS" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
# the converter of capture.sh, unchanged
sed -n "/^cat >\"\$TMP\/conv.py\" <<'PYEOF'$/,/^PYEOF$/p" "$GOLDEN/capture.sh" | sed '1d;$d' > "$TMP/conv.py"
[ -s "$TMP/conv.py" ] || { echo "cannot extract conv.py from capture.sh" >&2; exit 1; }
IPVER=$(ip -V | sed -n 's/.*\(iproute2-[0-9.]*\).*/\1/p')
KVER=$(uname -r)
DATE=$(date +%F)

cap() {
    local name=$1 setup=$2 cmd=$3; shift 3
    case " ${ONLY:-$name} " in *" $name "*) ;; *) return 0;; esac
    ip netns del "$NS" 2>/dev/null
    ip netns add "$NS" || { echo "cannot create netns $NS" >&2; exit 1; }
    if [ -n "$setup" ]; then
        ip netns exec "$NS" sh -c "$setup" || echo "WARN $name: setup failed" >&2
    fi
    # shellcheck disable=SC2086
    ip netns exec "$NS" strace -f -e trace=socket,setsockopt,bind,getsockname,close,sendto,sendmsg,recvmsg,recvfrom \
        -e write=all -e read=all -xx -s 65535 -o "$TMP/$name.strace" \
        $cmd >"$TMP/$name.stdout" 2>"$TMP/$name.stderr"
    local rc=$?
    ip netns del "$NS"
    /usr/bin/python3 "$TMP/conv.py" "$TMP/$name.strace" "$GOLDEN/$name.txt" \
        "$cmd" "$setup" "$DATE" "$IPVER" "$KVER" "$rc" "$TMP/$name.stderr" "$@" \
        || echo "WARN $name: conversion failed" >&2
    echo "$name: exit $rc $(head -c 200 "$TMP/$name.stderr" | tr '\n' ' ')"
}

BASE="ip link add br0 type bridge vlan_filtering 1; ip link add v0 type veth peer name v1; ip link set v0 master br0; ip link set br0 up; ip link set v0 up; ip link set v1 up"
VLANS="bridge vlan add dev v0 vid 100 pvid untagged; bridge vlan add dev v0 vid 200-210; bridge vlan add dev v0 vid 300 untagged; bridge vlan add dev br0 vid 10 self"
OPTS="bridge vlan set dev v0 vid 300 state 4; bridge vlan set dev v0 vid 205 mcast_router 2"
VM="captured in the VM lane (Debian kernel with CONFIG_BRIDGE_VLAN_FILTERING=y); br0 has vlan_filtering 1"

cap vlan_add_pvid_untagged_vm "$BASE" "bridge vlan add dev v0 vid 100 pvid untagged" "$VM" \
    "same bytes sent as vlan_add_pvid_untagged; here the kernel ACKs with 0"
cap vlan_add_range_vm "$BASE" "bridge vlan add dev v0 vid 200-210" "$VM"
cap vlan_add_self_vm "$BASE" "bridge vlan add dev br0 vid 10 self" "$VM" \
    "self: IFLA_AF_SPEC carries IFLA_BRIDGE_FLAGS (0) = BRIDGE_FLAGS_SELF (2) before IFLA_BRIDGE_VLAN_INFO"
cap vlan_del_range_vm "$BASE; bridge vlan add dev v0 vid 200-210" "bridge vlan del dev v0 vid 200-210" "$VM"
cap vlan_show_vm "$BASE; $VLANS" "bridge vlan show" "$VM" \
    "AF_BRIDGE RTM_GETLINK dump with IFLA_EXT_MASK 2 (RTEXT_FILTER_BRVLAN): one IFLA_BRIDGE_VLAN_INFO per VID"
cap vlan_show_compressed_vm "$BASE; $VLANS" "bridge -compressvlans vlan show" "$VM" \
    "IFLA_EXT_MASK 4 (RTEXT_FILTER_BRVLAN_COMPRESSED): adjacent VIDs with equal flags come as RANGE_BEGIN/RANGE_END pairs"
cap vlan_show_detail_vm "$BASE; $VLANS; $OPTS" "bridge -d vlan show" "$VM" \
    "RTM_GETVLAN dump; per-VLAN options: v0 vid 300 state 4 (blocking), v0 vid 205 mcast_router 2"
cap vlan_set_state_vm "$BASE; $VLANS" "bridge vlan set dev v0 vid 300 state blocking" "$VM" \
    "RTM_NEWVLAN: br_vlan_msg + BRIDGE_VLANDB_ENTRY (NLA_F_NESTED) > ENTRY_INFO {flags ONLY_OPTS, vid} + ENTRY_STATE u8"
cap vlan_set_mcast_router_vm "$BASE; $VLANS" "bridge vlan set dev v0 vid 200-210 mcast_router 2" "$VM" \
    "RTM_NEWVLAN with ENTRY_RANGE (u16 last vid) and ENTRY_MCAST_ROUTER u8"
cap vlan_set_state_mcast_router_vm "$BASE; $VLANS" "bridge vlan set dev v0 vid 200-202 state learning mcast_router 0" "$VM" \
    "both options in one RTM_NEWVLAN (ENTRY_STATE, then ENTRY_MCAST_ROUTER: command-line order)"
cap bridge_vlan_settings_vm "$BASE" "ip link set dev br0 type bridge vlan_filtering 1 vlan_protocol 802.1ad vlan_default_pvid 10 vlan_stats_enabled 1" "$VM" \
    "IFLA_INFO_DATA: VLAN_FILTERING u8, VLAN_PROTOCOL be16 0x88a8, VLAN_DEFAULT_PVID u16, VLAN_STATS_ENABLED u8, in command-line order"
cap bridge_show_vlan_settings_vm "$BASE; ip link set dev br0 type bridge vlan_protocol 802.1ad vlan_default_pvid 10 vlan_stats_enabled 1" "ip -d link show dev br0" "$VM" \
    "answer: IFLA_INFO_DATA with IFLA_BR_VLAN_FILTERING 1, VLAN_PROTOCOL 0x88a8, VLAN_DEFAULT_PVID 10, VLAN_STATS_ENABLED 1"

# global per-VLAN options (bridge vlan global); iproute2 6.1 has no msti option and no `bridge mst`
GBASE="$BASE; bridge vlan add dev v0 vid 100; bridge vlan add dev v0 vid 200-210"
cap vlan_global_set_vm "$GBASE" "bridge vlan global set dev br0 vid 100 mcast_snooping 1 mcast_querier 1 mcast_igmp_version 3 mcast_mld_version 2 mcast_last_member_count 3 mcast_last_member_interval 200 mcast_startup_query_count 4 mcast_startup_query_interval 3000 mcast_membership_interval 25000 mcast_querier_interval 24000 mcast_query_interval 12000 mcast_query_response_interval 900" "$VM" \
    "RTM_NEWVLAN: br_vlan_msg (bridge ifindex) + BRIDGE_VLANDB_GLOBAL_OPTIONS (NLA_F_NESTED) > GOPTS_ID u16, then the options in command-line order (u8 / u32 counts / u64 intervals)"
cap vlan_global_set_range_vm "$GBASE" "bridge vlan global set dev br0 vid 200-210 mcast_snooping 0" "$VM" \
    "GOPTS_ID u16 first + GOPTS_RANGE u16 last"
cap vlan_global_show_vm "$GBASE; bridge vlan global set dev br0 vid 100 mcast_igmp_version 3 mcast_query_interval 12000" "bridge vlan global show" "$VM" \
    "RTM_GETVLAN dump with BRIDGE_VLANDB_DUMP_FLAGS = BRIDGE_VLANDB_DUMPF_GLOBAL; answer: BRIDGE_VLANDB_GLOBAL_OPTIONS nests (adjacent VIDs with equal options as ID+RANGE)"

# VLAN-to-tunnel mapping: a collect-metadata ("external") VXLAN port of a VLAN-filtering bridge
TBASE="ip link add br0 type bridge vlan_filtering 1; ip link add vxlan0 type vxlan dstport 4789 external; ip link set vxlan0 master br0; ip link set br0 up; ip link set vxlan0 up"
TVLANS="bridge vlan add dev vxlan0 vid 100; bridge vlan add dev vxlan0 vid 200-205"
TON="ip link set dev vxlan0 type bridge_slave vlan_tunnel on"
TMAP="bridge vlan add dev vxlan0 vid 100 tunnel_info id 1100; bridge vlan add dev vxlan0 vid 200-205 tunnel_info id 1200-1205"
TVM="captured in the VM lane (Debian kernel with CONFIG_BRIDGE_VLAN_FILTERING=y); vxlan0 is an external (collect metadata) VXLAN port of br0 (vlan_filtering 1)"
cap vlan_tunnel_port_on_vm "$TBASE" "$TON" "$TVM" \
    "IFLA_LINKINFO > INFO_SLAVE_KIND bridge > INFO_SLAVE_DATA > IFLA_BRPORT_VLAN_TUNNEL (29) u8 1"
cap vlan_tunnel_add_vm "$TBASE; $TON; $TVLANS" "bridge vlan add dev vxlan0 vid 100 tunnel_info id 1100" "$TVM" \
    "IFLA_AF_SPEC > IFLA_BRIDGE_VLAN_TUNNEL_INFO (3, nest) > TUNNEL_ID u32, TUNNEL_VID u16, TUNNEL_FLAGS u16; no IFLA_BRIDGE_VLAN_INFO"
cap vlan_tunnel_add_range_vm "$TBASE; $TON; $TVLANS" "bridge vlan add dev vxlan0 vid 200-205 tunnel_info id 1200-1205" "$TVM" \
    "a range: two TUNNEL_INFO nests, flags RANGE_BEGIN (8) then RANGE_END (16)"
cap vlan_tunnel_del_range_vm "$TBASE; $TON; $TVLANS; $TMAP" "bridge vlan del dev vxlan0 vid 200-205 tunnel_info id 1200-1205" "$TVM" \
    "RTM_DELLINK with the same IFLA_AF_SPEC as the add"
cap vlan_tunnelshow_vm "$TBASE; $TON; $TVLANS; $TMAP" "bridge vlan tunnelshow" "$TVM" \
    "AF_BRIDGE RTM_GETLINK dump, IFLA_EXT_MASK 2 (RTEXT_FILTER_BRVLAN); vxlan0's IFLA_AF_SPEC has the VLAN_INFO list and TUNNEL_INFO entries (the kernel compresses 200-205 -> 1200-1205 into RANGE_BEGIN/END)"

# per-VLAN counters: per-port stats on, 5 untagged 60-byte frames sent into v0 (PVID 100) from v1
SBASE="sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1; ip link add br0 type bridge vlan_filtering 1 vlan_stats_enabled 1 vlan_stats_per_port 1; ip link add v0 type veth peer name v1; ip link set v0 master br0; ip link set br0 up; ip link set v0 up; ip link set v1 up; bridge vlan add dev v0 vid 100 pvid untagged; bridge vlan add dev v0 vid 200; bridge vlan add dev br0 vid 100 self; sleep 1"
STRAFFIC="/usr/bin/python3 -c \"import socket; s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW); s.bind(('v1', 0)); [s.send(bytes.fromhex('ffffffffffff02000000000188b5') + bytes(46)) for _ in range(5)]\""
SVM="captured in the VM lane; br0: vlan_filtering 1 vlan_stats_enabled 1 vlan_stats_per_port 1; v0 vid 100 pvid untagged, vid 200; br0 vid 100 self; then 5 broadcast frames (60 bytes, ethertype 0x88b5) sent from v1 into v0"
cap vlan_show_stats_vm "$SBASE; $STRAFFIC" "bridge -s -d vlan show" "$SVM" \
    "RTM_GETVLAN dump with BRIDGE_VLANDB_DUMP_FLAGS = BRIDGE_VLANDB_DUMPF_STATS (1): each ENTRY has ENTRY_STATS (5, nest) > RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS u64 (+ pad)"
cap vlan_show_stats_getstats_vm "$SBASE; $STRAFFIC" "bridge -s vlan show" "$SVM" \
    "without -d iproute2 reads RTM_GETSTATS: IFLA_STATS_LINK_XSTATS then IFLA_STATS_LINK_XSTATS_SLAVE (LINK_XSTATS_TYPE_BRIDGE > BRIDGE_XSTATS_VLAN struct bridge_vlan_xstats)"
