#!/bin/bash
# Re-capture the golden netlink byte files in this directory.
# Needs: root, iproute2 (ip/bridge), strace, python3.
# Every capture runs in a fresh, private network namespace that is deleted
# afterwards (also on failure/interrupt). The host's interfaces are never touched.
# Usage: ./capture.sh [REGEX]  (writes NAME.txt next to this script; with REGEX only the
#                              captures whose NAME matches it, e.g. ./capture.sh '^mdb_')
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
NS="gold$$"
ONLY=${1:-}
TMP=$(mktemp -d)
cleanup() { ip netns del "$NS" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

BASE="ip link add br0 type bridge; ip link add v0 type veth peer name v1; ip link set v0 master br0; ip link set br0 up; ip link set v0 up; ip link set v1 up"
IPVER=$(ip -V | sed -n 's/.*\(iproute2-[0-9.]*\).*/\1/p')
KVER=$(uname -r)
DATE=$(date +%F)

# cap NAME "SETUP" "COMMAND" ["NOTE" ...]
#   SETUP is run with sh -c inside a fresh netns (not traced); COMMAND is traced.
cap() {
    local name=$1 setup=$2 cmd=$3; shift 3
    if [ -n "${ONLY:-}" ] && ! [[ $name =~ $ONLY ]]; then return 0; fi
    ip netns del "$NS" 2>/dev/null
    ip netns add "$NS" || { echo "cannot create netns $NS" >&2; exit 1; }
    # quiet: IPv6 off before any device exists, so no DAD/RS/MLD and no learned FDB entries in a capture
    ip netns exec "$NS" sh -c '[ ! -d /proc/sys/net/ipv6 ] || { echo 1 >/proc/sys/net/ipv6/conf/all/disable_ipv6 &&
        echo 1 >/proc/sys/net/ipv6/conf/default/disable_ipv6; }' || { echo "cannot turn IPv6 off in $NS" >&2; exit 1; }
    if [ -n "$setup" ]; then
        ip netns exec "$NS" sh -c "$setup" || echo "WARN $name: setup failed" >&2
    fi
    # shellcheck disable=SC2086  # COMMAND is split into words on purpose
    ip netns exec "$NS" strace -f -e trace=socket,setsockopt,bind,getsockname,close,sendto,sendmsg,recvmsg,recvfrom \
        -e write=all -e read=all -xx -s 65535 -o "$TMP/$name.strace" \
        $cmd >"$TMP/$name.stdout" 2>"$TMP/$name.stderr"
    local rc=$?
    ip netns del "$NS"
    python3 "$TMP/conv.py" "$TMP/$name.strace" "$DIR/$name.txt" \
        "$cmd" "$setup" "$DATE" "$IPVER" "$KVER" "$rc" "$TMP/$name.stderr" "$@" \
        || echo "WARN $name: conversion failed" >&2
    echo "$name: exit $rc $(head -c 200 "$TMP/$name.stderr" | tr '\n' ' ')"
}

cat >"$TMP/conv.py" <<'PYEOF'
import re, struct, sys

src, dst, cmd, setup, date, ipver, kver, rc, errfile = sys.argv[1:10]
notes = sys.argv[10:]
MAXBYTES = 64 * 1024

# ---- parse the strace output: one block per successful, non-peek syscall ----
# socket/setsockopt/getsockname/close are traced only to tell netlink sockets apart.
call_re = re.compile(r'^(?:\d+\s+)?(sendto|sendmsg|recvmsg|recvfrom)\((\d+),.*\) = (-?\d+)')
sock_re = re.compile(r'^(?:\d+\s+)?socket\(AF_NETLINK, [^,]*, (\w+)\) = (\d+)')
sopt_re = re.compile(r'^(?:\d+\s+)?setsockopt\((\d+), SOL_NETLINK, (\w+), \[(\d+)\], \d+\) = 0')
gsn_re = re.compile(r'^(?:\d+\s+)?getsockname\((\d+), \{sa_family=AF_NETLINK, nl_pid=(-?\d+)')
close_re = re.compile(r'^(?:\d+\s+)?close\((\d+)\)')
hex_re = re.compile(r'^ \| ([0-9a-f]{5,})  (.{0,49})')
blocks = []          # [direction, syscall, socket number, bytearray]
sockets = []         # dicts: fd, proto, opts, portid
fd2sock = {}
cur = None
for line in open(src, errors='replace'):
    line = line.rstrip('\n')
    m = sock_re.match(line)
    if m:
        sockets.append({'fd': int(m.group(2)), 'proto': m.group(1), 'opts': [], 'portid': None})
        fd2sock[int(m.group(2))] = len(sockets)
        cur = None; continue
    m = sopt_re.match(line)
    if m and int(m.group(1)) in fd2sock:
        sockets[fd2sock[int(m.group(1))] - 1]['opts'].append('%s=%s' % (m.group(2), m.group(3)))
        cur = None; continue
    m = gsn_re.match(line)
    if m and int(m.group(1)) in fd2sock:
        sockets[fd2sock[int(m.group(1))] - 1]['portid'] = int(m.group(2)) & 0xffffffff
        cur = None; continue
    m = close_re.match(line)
    if m:
        fd2sock.pop(int(m.group(1)), None)
        cur = None; continue
    m = call_re.match(line)
    if m:
        sc, fd, ret = m.group(1), int(m.group(2)), int(m.group(3))
        cur = None
        if ret <= 0:
            continue
        tail = line[line.rfind('}, ') :] if sc == 'recvmsg' else line[line.rfind(', ', 0, line.rfind(', NULL')) :]
        if 'MSG_PEEK' in tail:
            continue
        cur = ['>' if sc.startswith('send') else '<', sc, fd2sock.get(fd, 0), bytearray()]
        blocks.append(cur)
        continue
    h = hex_re.match(line)
    if h and cur is not None:
        cur[3] += bytes(int(t, 16) for t in h.group(2).split())
        continue
    if not line.startswith(' * ') and not h:
        cur = None   # some other line (e.g. "+++ exited", "--- SIG"): end of dump

# ---- tiny decoder, used for auto notes and sanity checks ----
TYPES = {1: 'NLMSG_NOOP', 2: 'NLMSG_ERROR', 3: 'NLMSG_DONE', 4: 'NLMSG_OVERRUN',
         16: 'RTM_NEWLINK', 17: 'RTM_DELLINK', 18: 'RTM_GETLINK', 19: 'RTM_SETLINK',
         28: 'RTM_NEWNEIGH', 29: 'RTM_DELNEIGH', 30: 'RTM_GETNEIGH',
         92: 'RTM_GETSTATS', 112: 'RTM_NEWVLAN', 113: 'RTM_DELVLAN', 114: 'RTM_GETVLAN',
         120: 'RTM_NEWTUNNEL', 121: 'RTM_DELTUNNEL', 122: 'RTM_GETTUNNEL'}
FAM = {0: 'AF_UNSPEC', 2: 'AF_INET', 7: 'AF_BRIDGE', 10: 'AF_INET6'}
def flags_str(t, f, request):
    names = [(1, 'REQUEST'), (2, 'MULTI'), (4, 'ACK'), (8, 'ECHO'), (16, 'DUMP_INTR'), (32, 'DUMP_FILTERED')]
    if request and t in (18, 30, 92, 114, 122):   # GET
        names += [(0x100, 'ROOT'), (0x200, 'MATCH'), (0x400, 'ATOMIC')]
    elif request and t in (17, 29, 113, 121):     # DEL
        names += [(0x100, 'NONREC'), (0x200, 'BULK')]
    elif request:                            # NEW / SET
        names += [(0x100, 'REPLACE'), (0x200, 'EXCL'), (0x400, 'CREATE'), (0x800, 'APPEND')]
    elif t == 2:
        names += [(0x100, 'CAPPED'), (0x200, 'ACK_TLVS')]
    out = [n for b, n in names if f & b]
    rest = f & ~sum(b for b, _ in names)
    if rest: out.append(hex(rest))
    return '|'.join(out) or '0'

def ext_ack(buf):
    out = []
    while len(buf) >= 4:
        l, t = struct.unpack_from('<HH', buf)
        if l < 4: break
        v = buf[4:l]
        if t == 1: out.append('MSG="%s"' % v.rstrip(b'\0').decode(errors='replace'))
        elif t == 2: out.append('OFFS=%d' % struct.unpack_from('<I', v)[0])
        elif t == 3: out.append('COOKIE')
        elif t == 4: out.append('POLICY')
        elif t == 5: out.append('MISS_TYPE=%d' % struct.unpack_from('<I', v)[0])
        elif t == 6: out.append('MISS_NEST=%d' % struct.unpack_from('<I', v)[0])
        else: out.append('tlv%d' % t)
        buf = buf[(l + 3) & ~3:]
    return ' '.join(out)

def describe(direction, data):
    msgs, off, ok = [], 0, True
    while off + 16 <= len(data):
        ln, t, f, seq, pid = struct.unpack_from('<IHHII', data, off)
        if ln < 16 or off + ln > len(data):
            break            # judged below (trailing zeros are allowed, anything else is not)
        body = data[off + 16 : off + ln]
        s = '%s len=%d flags=%s seq=%d pid=%d' % (TYPES.get(t, 'type%d' % t), ln,
                                                  flags_str(t, f, direction == '>'), seq, pid)
        if t == 2 and len(body) >= 4:
            err = struct.unpack_from('<i', body)[0]
            s += ' error=%d' % err
            if f & 0x200:
                inner = 16 if f & 0x100 else struct.unpack_from('<I', body, 4)[0]
                s += ' ext_ack[%s]' % ext_ack(body[4 + ((inner + 3) & ~3):])
        elif t in (16, 17, 18, 19, 28, 29, 30, 92, 112, 113, 114) and body:
            s += ' family=%s' % FAM.get(body[0], str(body[0]))
            if t in (16, 17, 18, 19) and len(body) >= 16:
                s += ' ifindex=%d' % struct.unpack_from('<i', body, 4)[0]
            if t in (28, 29, 30) and len(body) >= 12:
                s += ' ifindex=%d state=0x%x' % struct.unpack_from('<iH', body, 4)
        msgs.append(s)
        off += (ln + 3) & ~3
    if off < len(data) and not any(data[off:]):
        msgs.append('then %d trailing zero bytes beyond nlmsg_len (iproute2 sent its whole request buffer)' % (len(data) - off))
    elif off != len(data):
        ok = False
    return msgs, ok

# ---- write ----
lines = ['# command: ' + cmd,
         '# setup: ' + (setup if setup else '(empty netns)'),
         '# captured: %s, %s, kernel %s' % (date, ipver, kver)]
for n in notes:
    lines.append('# note: ' + n)
err = open(errfile, errors='replace').read().strip()
lines.append('# note: command exit status %s%s' % (rc, (', stderr: ' + ' / '.join(err.splitlines())) if err else ''))
for i, sk in enumerate(sockets, 1):
    lines.append('# note: [auto] sock%d = %s fd %d, portid %s, setsockopt %s' % (
        i, sk['proto'], sk['fd'], sk['portid'], ', '.join(sk['opts']) or 'none'))
body, total, cut, n = [], 0, 0, 0
for direction, sc, fd, data in blocks:
    if total + len(data) > MAXBYTES and n > 0:
        cut += 1
        continue
    n += 1
    total += len(data)
    msgs, ok = describe(direction, data)
    if not ok:
        print('WARNING: %s block %d: nlmsghdr lengths do not add up' % (dst, n), file=sys.stderr)
    lines.append('# note: [auto] block %d %s %s sock%d %d bytes%s: %s' % (
        n, 'send' if direction == '>' else 'recv', sc, fd, len(data), '' if ok else ' (LENGTH MISMATCH)',
        '; '.join(msgs) if len(msgs) <= 3 else '; '.join(msgs[:2]) + '; ... %d messages ...; %s' % (len(msgs) - 3, msgs[-1])))
    body.append('')
    body.append('> send' if direction == '>' else '< recv')
    for i in range(0, len(data), 16):
        body.append(' '.join('%02x' % b for b in data[i:i + 16]))
if cut:
    lines.append('# note: file size limit: the last %d datagram(s) of the capture were left out' % cut)
open(dst, 'w').write('\n'.join(lines + body) + '\n')
PYEOF

L="ip link set br0 up; ip link set v0 up; ip link set v1 up"

# ---------------- core ----------------
cap link_add_bridge "" "ip link add br0 type bridge" \
    "first send (sendto, 32 bytes, seq 0, flags REQUEST|ACK, no attributes) is iproute2's RTM_NEWLINK probe (iplink_have_newlink); the kernel answers ENODEV, which means RTM_NEWLINK is supported"
cap link_add_veth "" "ip link add v0 type veth peer name v1" \
    "first send is iproute2's RTM_NEWLINK probe (sendto, seq 0); VETH_INFO_PEER (1) inside IFLA_INFO_DATA carries a struct ifinfomsg followed by IFLA_IFNAME"
cap link_set_master "ip link add br0 type bridge; ip link add v0 type veth peer name v1" \
    "ip link set v0 master br0"
cap link_set_nomaster "$BASE" "ip link set v0 nomaster" \
    "nomaster is IFLA_MASTER = 0"
cap link_set_up "ip link add br0 type bridge; ip link add v0 type veth peer name v1; ip link set v0 master br0" \
    "ip link set dev v0 up"
cap link_del "$BASE" "ip link del br0"
cap link_show_dev "$BASE" "ip link show dev v0" \
    "important decoder input: block 6, the RTM_NEWLINK answer for the enslaved veth port (IFLA_MASTER=2, IFLA_LINKINFO with veth + bridge slave data is included even without -d)" \
    "sequence: probe; name lookup of v0 on a second socket; the real request RTM_GETLINK family AF_PACKET(17) + IFLA_IFNAME + IFLA_EXT_MASK 1 on the main socket; then lookups by ifindex of IFLA_LINK (v1) and IFLA_MASTER (br0) on further short-lived sockets"
cap link_show_detail_dev "$BASE" "ip -d link show dev v0" \
    "block 6: IFLA_LINKINFO with IFLA_INFO_KIND \"veth\\0\" and IFLA_INFO_SLAVE_KIND (4) \"bridge\\0\" + IFLA_INFO_SLAVE_DATA (IFLA_BRPORT_* attributes); the bytes sent are the same as for ip link show dev v0 (-d only changes printing)"
cap link_show_bridge_detail "$BASE" "ip -d link show dev br0" \
    "answer has IFLA_LINKINFO with IFLA_INFO_KIND bridge + IFLA_INFO_DATA (IFLA_BR_* attributes)"
cap link_dump "$BASE" "ip link show" \
    "RTM_GETLINK dump (flags REQUEST|DUMP, family AF_PACKET(17), IFLA_EXT_MASK 1): lo(1), br0(2), v1(3), v0(4), two messages per datagram, then NLMSG_DONE"
cap link_add_enslave_bridge_error "$BASE; ip link add br1 type bridge" "ip link set br1 master br0" \
    "the kernel refuses with error -ELOOP (-40) and an extended ACK: NLMSG_ERROR flags NLM_F_ACK_TLVS (0x200, not capped: full request echoed) + NLMSGERR_ATTR_MSG"
cap link_show_nodev_error "$BASE" "ip link show dev nosuchdev" \
    "the unknown ifname is detected by the name lookup on the second socket: RTM_GETLINK + IFLA_EXT_MASK 9 + IFLA_IFNAME answered with ENODEV (full request echoed, no ext-ack); no request reaches the main socket"

# ---------------- port ----------------
cap port_set_proxyarp_hairpin "$BASE" "ip link set dev v0 type bridge_slave proxy_arp on hairpin on" \
    "the first send is the bare RTM_NEWLINK probe; the ifname is then resolved on a second, short-lived socket (RTM_GETLINK + IFLA_EXT_MASK 9 + IFLA_IFNAME)" \
    "the real request carries IFLA_LINKINFO > IFLA_INFO_KIND (1) = \"bridge_slave\" (12 bytes, no NUL) + IFLA_INFO_SLAVE_DATA (5) > IFLA_BRPORT_PROXYARP (10) = 1, IFLA_BRPORT_MODE (4) = 1; iproute2 does NOT use IFLA_INFO_SLAVE_KIND (4) and sets no NLA_F_NESTED"
cap port_set_many "$BASE" "ip link set dev v0 type bridge_slave learning off flood off mcast_flood off bcast_flood off neigh_suppress on isolated on guard on root_block on cost 100 priority 32 state 3" \
    "IFLA_INFO_SLAVE_DATA holds, in command-line order: LEARNING(8)=0 UNICAST_FLOOD(9)=0 MCAST_FLOOD(27)=0 BCAST_FLOOD(30)=0 NEIGH_SUPPRESS(32)=1 ISOLATED(33)=1 GUARD(5)=1 PROTECT(6)=1 COST(3)=u32 100 PRIORITY(2)=u16 32 STATE(1)=u8 3"
cap bridge_link_set_hairpin "$BASE" "bridge link set dev v0 hairpin on" \
    "bridge(8) first dumps all links (RTM_GETLINK dump, IFLA_EXT_MASK 1) to build its name map, then sends AF_BRIDGE RTM_SETLINK with IFLA_PROTINFO (12, WITH NLA_F_NESTED: type 0x800c) > IFLA_BRPORT_MODE (4) = 1"
cap bridge_link_show "$BASE" "bridge link show" \
    "AF_BRIDGE RTM_GETLINK dump without any attribute (32 bytes); only the bridge port v0 is answered (with IFLA_PROTINFO nested, NLA_F_NESTED set by the kernel)"
cap bridge_add_options "$BASE" "ip link add br1 type bridge stp_state 1 forward_delay 400 hello_time 200 max_age 2000 ageing_time 30000 priority 4096 mcast_snooping 0 vlan_protocol 802.1Q vlan_default_pvid 1" \
    "vlan_filtering 0 was dropped from the requested command: this kernel (no CONFIG_BRIDGE_VLAN_FILTERING) refuses IFLA_BR_VLAN_FILTERING with EOPNOTSUPP even for 0, see bridge_add_options_vlan_filtering_error" \
    "IFLA_BR_VLAN_PROTOCOL and IFLA_BR_VLAN_DEFAULT_PVID are accepted (silently ignored) by this kernel; attributes appear in command-line order"
cap bridge_add_options_vlan_filtering_error "$BASE" "ip link add br1 type bridge stp_state 1 forward_delay 400 hello_time 200 max_age 2000 ageing_time 30000 priority 4096 mcast_snooping 0 vlan_filtering 0 vlan_protocol 802.1Q vlan_default_pvid 1" \
    "the full requested option set; fails with EOPNOTSUPP on this kernel because of IFLA_BR_VLAN_FILTERING (no bridge VLAN filtering support); no ext-ack message"
cap bridge_set_stp "$BASE" "ip link set dev br0 type bridge stp_state 0"

# ---------------- fdb ----------------
cap fdb_add_static "$BASE" "bridge fdb add 02:00:00:00:00:01 dev v0 master static" \
    "block 5: RTM_NEWNEIGH flags REQUEST|ACK|EXCL|CREATE, ndmsg {family AF_BRIDGE, ifindex v0, state NUD_NOARP|NUD_REACHABLE (0x42), flags NTF_MASTER (4)} + NDA_LLADDR"
cap fdb_add_static_vlan "$BASE" "bridge fdb add 02:00:00:00:00:02 dev v0 master static vlan 100" \
    "fails with EINVAL on this kernel: without bridge VLAN filtering the bridge rejects an fdb entry with NDA_VLAN (vlan 100 is not configured); no ext-ack message"
cap fdb_append "$BASE" "bridge fdb append 02:00:00:00:00:03 dev v0 master static"
cap fdb_replace "$BASE" "bridge fdb replace 02:00:00:00:00:01 dev v0 master static vlan 100" \
    "fails with EINVAL on this kernel: without bridge VLAN filtering the bridge rejects an fdb entry with NDA_VLAN (vlan 100 is not configured); no ext-ack message"
cap fdb_replace_novlan "$BASE" "bridge fdb replace 02:00:00:00:00:01 dev v0 master static" \
    "extra (not in the original list): the same replace without vlan, which succeeds here; NLM_F_CREATE|NLM_F_REPLACE"
cap fdb_del "$BASE; bridge fdb add 02:00:00:00:00:01 dev v0 master static" \
    "bridge fdb del 02:00:00:00:00:01 dev v0 master"
cap fdb_del_vlan "$BASE" \
    "bridge fdb del 02:00:00:00:00:02 dev v0 master vlan 100" \
    "the entry could not be created first (fdb add with vlan fails with EINVAL on this kernel), so the kernel answers ENOENT; the send is still the exact iproute2 encoding"
cap fdb_add_permanent "$BASE" "bridge fdb add 02:00:00:00:00:04 dev v0 master permanent"
cap fdb_add_dup_error "$BASE; bridge fdb add 02:00:00:00:00:05 dev v0 master static" \
    "bridge fdb add 02:00:00:00:00:05 dev v0 master static" \
    "second add of the same entry: NLM_F_CREATE|NLM_F_EXCL makes the kernel answer EEXIST"
FDB3="bridge fdb add 02:00:00:00:00:01 dev v0 master static; bridge fdb add 02:00:00:00:00:02 dev v0 master static; bridge fdb add 02:00:00:00:00:03 dev v0 master static"
cap fdb_show_br "$BASE; $FDB3" "bridge fdb show br br0" \
    "dump request: 284-byte datagram = 36-byte RTM_GETNEIGH (ndmsg + NDA_MASTER=br0) followed by 248 zero bytes (libnetlink sends sizeof its request struct); the kernel stops at the zero header" \
    "the answer includes the kernel's own entries (local/permanent MACs, self multicast 33:33:* / 01:00:5e:* entries of br0 and v0, learned entries) besides the 3 static ones"
cap fdb_show_brport "$BASE; $FDB3" "bridge fdb show br br0 brport v0" \
    "like fdb_show_br but ndm_ifindex = v0; again a 284-byte datagram with trailing zeros"
cap fdb_get "$BASE; $FDB3" "bridge fdb get 02:00:00:00:00:01 br br0" \
    "supported by iproute2 6.1: RTM_GETNEIGH flags REQUEST only (no ACK), ndmsg ifindex 0 + NDA_LLADDR + NDA_MASTER (br0); answer is a single RTM_NEWNEIGH (no NLMSG_ERROR ack follows)"
cap fdb_flush "$BASE; $FDB3" "bridge fdb flush dev v0" \
    "bulk delete: RTM_DELNEIGH with NLM_F_BULK (0x200); with neither self nor master iproute2 sets no NTF_ flag, the kernel then treats it as self on the veth, which has no ndo_fdb_del_bulk: EOPNOTSUPP"
cap fdb_flush_master "$BASE; $FDB3" "bridge fdb flush dev v0 master" \
    "extra (not in the original list): the succeeding variant; NTF_MASTER routes the bulk delete to the bridge, which removes v0's non-permanent entries"

# ---------------- vlan (the capture kernel lacks CONFIG_BRIDGE_VLAN_FILTERING) ----------------
NOVF="the capture kernel has no bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING=n); the sends are what iproute2 emits, the answers are what this kernel gives (see the exit status)"
cap vlan_add_pvid_untagged "$BASE" "bridge vlan add dev v0 vid 100 pvid untagged" "$NOVF" \
    "AF_BRIDGE RTM_SETLINK + IFLA_AF_SPEC (26, no NLA_F_NESTED) > IFLA_BRIDGE_VLAN_INFO (2) = struct bridge_vlan_info {flags=PVID|UNTAGGED (6), vid=100}; no IFLA_BRIDGE_FLAGS; kernel: EOPNOTSUPP"
cap vlan_add_range "$BASE" "bridge vlan add dev v0 vid 200-210" "$NOVF" \
    "a range is two IFLA_BRIDGE_VLAN_INFO: {flags=RANGE_BEGIN (8), vid=200} then {flags=RANGE_END (0x10), vid=210}; kernel: EOPNOTSUPP"
cap vlan_del "$BASE" "bridge vlan del dev v0 vid 100" "$NOVF" \
    "AF_BRIDGE RTM_DELLINK + IFLA_AF_SPEC > IFLA_BRIDGE_VLAN_INFO {flags=0, vid=100}; surprisingly this kernel ACKs it with error 0"
cap vlan_show "$BASE" "bridge vlan show" "$NOVF" \
    "AF_BRIDGE RTM_GETLINK dump with IFLA_EXT_MASK = 2 (RTEXT_FILTER_BRVLAN); the kernel answers br0 and v0 but without IFLA_AF_SPEC vlan lists (no VLAN support here)"
cap vlan_show_json_detail "$BASE" "bridge -d vlan show" "$NOVF" \
    "-d makes iproute2 6.1 use an RTM_GETVLAN dump (struct br_vlan_msg + BRIDGE_VLANDB_DUMP_FLAGS); adding -j (JSON) does not change the bytes sent"
cap bridge_vlan_filtering_on "$BASE" "ip link set dev br0 type bridge vlan_filtering 1" "$NOVF" \
    "IFLA_LINKINFO > IFLA_INFO_KIND \"bridge\" + IFLA_INFO_DATA > IFLA_BR_VLAN_FILTERING (7) u8 1; kernel: EOPNOTSUPP without ext-ack message"

# ---------------- mdb (IPv6 off before the links come up: no MLD reports, no learned groups) ----------------
MDBBASE="sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1; $BASE"
cap mdb_add_permanent "$MDBBASE" "bridge mdb add dev br0 port v0 grp 239.1.1.1 permanent" \
    "RTM_NEWMDB REQUEST|ACK|EXCL|CREATE, struct br_port_msg {AF_BRIDGE, ifindex br0} + MDBA_SET_ENTRY = struct br_mdb_entry (28 bytes: ifindex v0, state MDB_PERMANENT, flags 0, vid 0, addr.u.ip4, proto ETH_P_IP big-endian); ack 0"
cap mdb_add_temp_vid "$MDBBASE" "bridge mdb add dev br0 port v0 grp 239.1.1.2 temp vid 10" \
    "state MDB_TEMPORARY (0), vid 10; this kernel accepts a vid without VLAN filtering; ack 0"
cap mdb_add_ipv6 "$MDBBASE" "bridge mdb add dev br0 port v0 grp ff0e::1 permanent" \
    "addr.u.ip6, proto ETH_P_IPV6 (0x86dd big-endian); ack 0"
cap mdb_add_l2 "$MDBBASE" "bridge mdb add dev br0 port v0 grp 01:00:5e:01:01:05 permanent" \
    "L2 group: addr.u.mac_addr, proto 0; ack 0"
cap mdb_add_src "$MDBBASE" "bridge mdb add dev br0 port v0 grp 239.1.1.3 src 192.0.2.1 permanent" \
    "(S, G) entry: + MDBA_SET_ENTRY_ATTRS (with NLA_F_NESTED: 0x8002) > MDBE_ATTR_SOURCE (4 bytes); ack 0"
cap mdb_add_host "$MDBBASE" "bridge mdb add dev br0 port br0 grp 239.1.1.9 temp" \
    "host join: the entry's ifindex is the bridge itself; ack 0"
cap mdb_add_local_error "$MDBBASE" "bridge mdb add dev br0 port v0 grp 224.0.0.5 permanent" \
    "224.0.0.0/24 is refused: -EINVAL with ext-ack 'IPv4 entry group address is local multicast'"
cap mdb_del "$MDBBASE; bridge mdb add dev br0 port v0 grp 239.1.1.1 permanent" \
    "bridge mdb del dev br0 port v0 grp 239.1.1.1 permanent" \
    "RTM_DELMDB REQUEST|ACK with the same body as the add; ack 0"
cap mdb_del_missing_error "$MDBBASE" "bridge mdb del dev br0 port v0 grp 239.1.1.7 permanent" \
    "deleting an entry that does not exist: -EINVAL, no ext-ack"
MDB5="bridge mdb add dev br0 port v0 grp 239.1.1.1 permanent; bridge mdb add dev br0 port v0 grp 239.1.1.2 temp vid 10; bridge mdb add dev br0 port v0 grp ff0e::1 permanent; bridge mdb add dev br0 port v0 grp 01:00:5e:01:01:05 permanent; bridge mdb add dev br0 port v0 grp 239.1.1.3 src 192.0.2.1 permanent; bridge mdb add dev br0 port br0 grp 239.1.1.9 temp; ip link set dev v0 type bridge_slave mcast_router 2"
cap mdb_show "$MDBBASE; $MDB5" "bridge mdb show" \
    "RTM_GETMDB dump: struct br_port_msg {AF_BRIDGE, ifindex 0}, no attributes; the answer is one RTM_NEWMDB per bridge: MDBA_MDB > MDBA_MDB_ENTRY > MDBA_MDB_ENTRY_INFO (br_mdb_entry + MDBA_MDB_EATTR_*), and MDBA_ROUTER > MDBA_ROUTER_PORT (u32 ifindex + MDBA_ROUTER_PATTR_*)"

# ---------------- vxlan fdb (a real VXLAN device; IPv6 off as for mdb) ----------------
VXBASE="$MDBBASE; ip link add vxlan0 type vxlan id 42 dstport 4789 nolearning; ip link set vxlan0 master br0; ip link set vxlan0 up"
cap fdb_append_vxlan_remote "$VXBASE; bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.0.2.1 self permanent" \
    "bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.0.2.2 vni 100 port 4790 via v1 self permanent" \
    "vxlan0 = ifindex 5: RTM_NEWNEIGH REQUEST|ACK|CREATE|APPEND, ndmsg {AF_BRIDGE, 5, NUD_PERMANENT|NUD_NOARP, NTF_SELF} + NDA_LLADDR, NDA_DST (4 bytes), NDA_PORT (big-endian), NDA_VNI, NDA_IFINDEX (v1 = 3); a second remote on the all-zeros entry; ack 0"
cap fdb_del_vxlan_remote "$VXBASE; bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.0.2.1 self permanent; bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.0.2.2 vni 100 port 4790 via v1 self permanent" \
    "bridge fdb del 00:00:00:00:00:00 dev vxlan0 dst 192.0.2.2 vni 100 port 4790 via v1 self" \
    "deletes one remote of the all-zeros entry: it must name the remote's dst, port, vni and via as added; ack 0"
cap fdb_append_vxlan_src_vni "$MDBBASE; ip link add vxlan1 type vxlan external dstport 4790 nolearning; ip link set vxlan1 up" \
    "bridge fdb append 00:00:00:00:00:00 dev vxlan1 dst 192.0.2.4 vni 100 src_vni 200 self permanent" \
    "collect-metadata (external) device vxlan1 = ifindex 5: + NDA_VNI 100, NDA_SRC_VNI 200; ack 0"

# ---------------- bridge options (every writable IFLA_BR_* iproute2 6.1 knows) ----------------
cap bridge_set_mcast_options "$MDBBASE" "ip link set dev br0 type bridge mcast_router 2 mcast_query_use_ifaddr 1 mcast_querier 1 mcast_hash_max 1024 mcast_last_member_count 3 mcast_startup_query_count 3 mcast_last_member_interval 200 mcast_membership_interval 30000 mcast_querier_interval 26000 mcast_query_interval 13000 mcast_query_response_interval 1100 mcast_startup_query_interval 3200 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2" \
    "IFLA_INFO_DATA with the multicast IFLA_BR_* in command-line order: u8 switches and versions, u32 counts and hash_max, u64 intervals (centiseconds); ack 0"
cap bridge_set_misc_options "$MDBBASE" "ip link set dev br0 type bridge group_fwd_mask 8 group_address 01:80:c2:00:00:08 nf_call_iptables 1 nf_call_ip6tables 1 nf_call_arptables 1 ageing_time 20000" \
    "GROUP_FWD_MASK u16, GROUP_ADDR 6 bytes, NF_CALL_* u8, AGEING_TIME u32; ack 0"
cap bridge_set_no_linklocal_learn "$MDBBASE" "ip link set dev br0 type bridge no_linklocal_learn 1" \
    "IFLA_BR_MULTI_BOOLOPT (46) = struct br_boolopt_multi {optval 1, optmask 1} (BR_BOOLOPT_NO_LL_LEARN = bit 0); ack 0"
cap bridge_set_mcast_vlan_snooping_error "$MDBBASE" "ip link set dev br0 type bridge mcast_vlan_snooping 1" \
    "MULTI_BOOLOPT {optval 2, optmask 2} (bit 1); this kernel has no VLAN filtering, so it refuses (see the answer)"
cap bridge_set_vlan_stats "$MDBBASE" "ip link set dev br0 type bridge vlan_stats_enabled 1 vlan_stats_per_port 1" \
    "VLAN_STATS_ENABLED / VLAN_STATS_PER_PORT u8; this kernel takes both even without VLAN filtering: ack 0"

# ---------------- vni filter (a collect-metadata VXLAN device with vnifilter; IPv6 off) ----------------
# vxlan0 needs a lower device for multicast groups: v0 (192.0.2.10/24). ifindex: lo=1, v1=2, v0=3, vxlan0=4.
VNIBASE="ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up; ip addr add 192.0.2.10/24 dev v0; ip link add vxlan0 type vxlan dstport 4789 dev v0 external vnifilter; ip link set vxlan0 up"
cap vni_add "$VNIBASE" "bridge vni add dev vxlan0 vni 100" \
    "RTM_NEWTUNNEL (120) REQUEST|ACK (no CREATE/EXCL), struct tunnel_msg {AF_BRIDGE, flags 0, ifindex vxlan0} + VXLAN_VNIFILTER_ENTRY (1, WITH NLA_F_NESTED: 0x8001) > VXLAN_VNIFILTER_ENTRY_START u32 100; ack 0 (a second add of the same VNI is acked too)"
cap vni_add_range "$VNIBASE" "bridge vni add dev vxlan0 vni 200-205" \
    "one entry with VXLAN_VNIFILTER_ENTRY_START 200 and VXLAN_VNIFILTER_ENTRY_END 205; ack 0"
cap vni_add_list "$VNIBASE" "bridge vni add dev vxlan0 vni 600,700" \
    "a comma list is one message with one VXLAN_VNIFILTER_ENTRY per item; ack 0"
cap vni_add_remote "$VNIBASE" "bridge vni add dev vxlan0 vni 300 remote 192.0.2.9" \
    "+ VXLAN_VNIFILTER_ENTRY_GROUP (3) = 4 bytes (a unicast remote travels in the GROUP attribute); ack 0"
cap vni_add_group "$VNIBASE" "bridge vni add dev vxlan0 vni 400 group 239.1.1.1" \
    "VXLAN_VNIFILTER_ENTRY_GROUP = 239.1.1.1; the device needs a lower device (dev v0) for a multicast group; ack 0"
cap vni_add_remote6 "$VNIBASE" "bridge vni add dev vxlan0 vni 500 remote 2001:db8::9" \
    "VXLAN_VNIFILTER_ENTRY_GROUP6 (4) = 16 bytes; ack 0"
cap vni_delete "$VNIBASE; bridge vni add dev vxlan0 vni 100" "bridge vni delete dev vxlan0 vni 100" \
    "RTM_DELTUNNEL (121) REQUEST|ACK, same body as the add; iproute2 6.1 knows only the word delete (bridge vni del is 'unknown'); ack 0"
cap vni_delete_missing_error "$VNIBASE" "bridge vni delete dev vxlan0 vni 100" \
    "deleting a VNI the device does not filter: -ENOENT, no ext-ack"
VNI4="bridge vni add dev vxlan0 vni 100; bridge vni add dev vxlan0 vni 200-205; bridge vni add dev vxlan0 vni 400 group 239.1.1.1; bridge vni add dev vxlan0 vni 500 remote 2001:db8::9"
cap vni_show "$VNIBASE; $VNI4" "bridge vni show" \
    "RTM_GETTUNNEL (122) REQUEST|DUMP, tunnel_msg {AF_BRIDGE, flags 0, ifindex 0} (280-byte datagram: 24 + 256 trailing zeros); answer: RTM_NEWTUNNEL per device with one VXLAN_VNIFILTER_ENTRY (nested) per VNI or range"
cap vni_show_stats "$VNIBASE; $VNI4" "bridge -s vni show" \
    "tunnel_msg flags TUNNEL_MSG_FLAG_STATS (1): each entry adds VXLAN_VNIFILTER_ENTRY_STATS (5) > VNIFILTER_ENTRY_STATS_* u64 counters"

# ---------------- fdb: nexthop group and entry flags ----------------
NHBASE="$MDBBASE; ip addr add 192.0.2.10/24 dev v1; ip link add vxlan0 type vxlan id 42 dstport 4789 nolearning; ip link set vxlan0 master br0; ip link set vxlan0 up; ip nexthop add id 1 via 192.0.2.1 fdb; ip nexthop add id 2 via 192.0.2.2 fdb; ip nexthop add id 10 group 1/2 fdb"
cap fdb_add_nhid "$NHBASE" "bridge fdb add 02:00:00:00:00:01 dev vxlan0 nhid 10 self" \
    "an FDB nexthop group (ip nexthop ... fdb) as the entry's destination: vxlan0 = ifindex 5, ndmsg {5, NUD_PERMANENT|NUD_NOARP, NTF_SELF} + NDA_LLADDR + NDA_NH_ID (13) u32 10; ack 0"
cap fdb_add_sticky "$BASE" "bridge fdb add 02:00:00:00:00:06 dev v0 master static sticky" \
    "ndm_flags NTF_MASTER|NTF_STICKY (0x44); ack 0"
cap fdb_add_extern_learn "$BASE" "bridge fdb add 02:00:00:00:00:07 dev v0 master static extern_learn" \
    "ndm_flags NTF_MASTER|NTF_EXT_LEARNED (0x14); ack 0"
cap fdb_flush_master_sticky "$BASE; $FDB3; bridge fdb add 02:00:00:00:00:06 dev v0 master static sticky" \
    "bridge fdb flush dev v0 master nopermanent sticky" \
    "ndm_flags NTF_MASTER|NTF_STICKY, ndm_state 0 + NDA_NDM_FLAGS_MASK (17) u8 NTF_STICKY + NDA_NDM_STATE_MASK (16) u16 NUD_PERMANENT: only the sticky entry goes"
cap fdb_flush_master_static_noextern "$BASE; $FDB3; bridge fdb add 02:00:00:00:00:07 dev v0 master static extern_learn" \
    "bridge fdb flush dev v0 master static noextern_learn" \
    "ndm_state NUD_NOARP, NDA_NDM_FLAGS_MASK NTF_EXT_LEARNED, NDA_NDM_STATE_MASK NOARP|PERMANENT: static entries without extern_learn"
cap fdb_get_self_vni "$MDBBASE; ip link add vxlan0 type vxlan id 42 dstport 4789 nolearning; ip link set vxlan0 up; bridge fdb add 02:00:00:00:00:01 dev vxlan0 dst 192.0.2.1 self permanent" \
    "bridge fdb get 02:00:00:00:00:01 dev vxlan0 self vni 42" \
    "a VXLAN device's own entry: RTM_GETNEIGH REQUEST, ndmsg {ifindex vxlan0 = 5, NTF_SELF} + NDA_LLADDR + NDA_VNI 42; answer one RTM_NEWNEIGH with NDA_DST"
