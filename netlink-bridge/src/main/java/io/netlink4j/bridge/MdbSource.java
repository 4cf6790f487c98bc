package io.netlink4j.bridge;

import java.time.Duration;

/**
 * One source of a (*, G) entry's source list (MDBA_MDB_SRCLIST_ENTRY).
 *
 * @param address the source address, as iproute2 prints it
 * @param timer   MDBA_MDB_SRCATTR_TIMER: time left, or null when not reported
 */
public record MdbSource(String address, Duration timer) {}
