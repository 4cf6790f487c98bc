package io.netlink4j.bridge;

/**
 * The outcome of {@link MetalLbDoctor#fix}: the report before, the report after re-reading the
 * port, and whether a change was sent.
 *
 * @param before  the diagnosis before the fix
 * @param after   the diagnosis after it (the same object as {@code before} when nothing was sent)
 * @param changed true when the fix request was sent
 */
public record MetalLbFix(MetalLbReport before, MetalLbReport after, boolean changed) {}
