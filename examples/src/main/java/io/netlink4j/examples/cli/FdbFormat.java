package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.FdbEntry;
import io.netlink4j.bridge.FdbFlag;
import io.netlink4j.bridge.FdbState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** FDB entries as {@code bridge fdb show} prints them, in text and with {@code -j}. */
final class FdbFormat {
    private FdbFormat() {}

    // the order of iproute2's print_fdb_flags
    private static final FdbFlag[] FLAG_ORDER = {
        FdbFlag.SELF, FdbFlag.ROUTER, FdbFlag.EXTERN_LEARN, FdbFlag.OFFLOADED, FdbFlag.MASTER, FdbFlag.STICKY,
        FdbFlag.LOCKED
    };

    static List<String> flags(FdbEntry e) {
        List<String> out = new ArrayList<>();
        for (FdbFlag f : FLAG_ORDER) {
            if (e.has(f)) {
                out.add(f == FdbFlag.OFFLOADED ? "offload" : f.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** iproute2's state_n2a: a dynamic (reachable) entry has the empty state. */
    static String state(FdbState s) {
        switch (s) {
            case PERMANENT: return "permanent";
            case STATIC: return "static";
            case STALE: return "stale";
            case DYNAMIC:
            default: return "";
        }
    }

    /** "02:00:00:00:00:01 dev v0 vlan 10 master br0 static"; {@code showDev} false when filtered by device, as iproute2. */
    static String text(FdbEntry e, IntFunction<String> names, boolean showDev) {
        return text(e, names, showDev, false);
    }

    /** With {@code stats}: "used U/P" (seconds since used / updated), as {@code bridge -s fdb show}. */
    static String text(FdbEntry e, IntFunction<String> names, boolean showDev, boolean stats) {
        StringBuilder sb = new StringBuilder(e.mac());
        if (showDev && e.ifindex() != 0) {
            sb.append(" dev ").append(e.ifname() != null ? e.ifname() : names.apply(e.ifindex()));
        }
        if (e.vlan() != 0) {
            sb.append(" vlan ").append(e.vlan());
        }
        if (e.dst() != null) {
            sb.append(" dst ").append(e.dst().getHostAddress());
        }
        if (e.dstPort() != 0) {
            sb.append(" port ").append(e.dstPort());
        }
        if (e.vni() >= 0) {
            sb.append(" vni ").append(e.vni());
        }
        if (e.srcVni() >= 0) {
            sb.append(" src_vni ").append(e.srcVni());
        }
        if (e.via() != 0) {
            sb.append(" via ").append(names.apply(e.via()));
        }
        if (e.nhId() != 0) {
            sb.append(" nhid ").append(e.nhId());
        }
        if (stats && e.used() != null && e.updated() != null) {
            sb.append(" used ").append(e.used().toSeconds()).append('/').append(e.updated().toSeconds());
        }
        for (String f : flags(e)) {
            sb.append(' ').append(f);
        }
        if (e.master() != 0) {
            sb.append(" master ").append(names.apply(e.master()));
        }
        String st = state(e.state());
        if (!st.isEmpty()) {
            sb.append(' ').append(st);
        }
        return sb.toString();
    }

    static void json(JsonGenerator g, FdbEntry e, IntFunction<String> names, boolean showDev) throws IOException {
        json(g, e, names, showDev, false);
    }

    /** With {@code stats}: "used" and "updated" in seconds, as {@code bridge -j -s fdb show}. */
    static void json(JsonGenerator g, FdbEntry e, IntFunction<String> names, boolean showDev, boolean stats)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("mac", e.mac());
        if (showDev && e.ifindex() != 0) {
            g.writeStringField("ifname", e.ifname() != null ? e.ifname() : names.apply(e.ifindex()));
        }
        if (e.vlan() != 0) {
            g.writeNumberField("vlan", e.vlan());
        }
        if (e.dst() != null) {
            g.writeStringField("dst", e.dst().getHostAddress());
        }
        // VXLAN remote fields in iproute2's order (NDA_PORT, NDA_VNI, NDA_SRC_VNI, NDA_IFINDEX, NDA_NH_ID)
        if (e.dstPort() != 0) {
            g.writeNumberField("port", e.dstPort());
        }
        if (e.vni() >= 0) {
            g.writeNumberField("vni", e.vni());
        }
        if (e.srcVni() >= 0) {
            g.writeNumberField("src_vni", e.srcVni());
        }
        if (e.via() != 0) {
            g.writeStringField("viaIf", names.apply(e.via()));
        }
        if (e.nhId() != 0) {
            g.writeNumberField("nhid", e.nhId());
        }
        if (stats && e.used() != null && e.updated() != null) {
            g.writeNumberField("used", e.used().toSeconds());
            g.writeNumberField("updated", e.updated().toSeconds());
        }
        JsonOut.strings(g, "flags", flags(e));
        if (e.master() != 0) {
            g.writeStringField("master", names.apply(e.master()));
        }
        g.writeStringField("state", state(e.state()));
        g.writeEndObject();
    }
}
