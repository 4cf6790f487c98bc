package io.netlink4j.examples.agent;

import io.netlink4j.bridge.ReconcilePass;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/** The agent's metrics, in a registry of its own (served at /metrics in the Prometheus text format). */
public final class AgentMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter passes = Counter.builder().name("nlbridge_agent_passes_total")
            .help("Reconcile passes, by what triggered them").labelNames("trigger").register(registry);
    private final Counter applied = Counter.builder().name("nlbridge_agent_changes_applied_total")
            .help("Changes sent and acknowledged by the kernel").register(registry);
    private final Counter repaired = Counter.builder().name("nlbridge_agent_drifts_repaired_total")
            .help("Changes applied to undo drift (every pass but the initial one and reloads)").register(registry);
    private final Counter failures = Counter.builder().name("nlbridge_agent_failures_total")
            .help("Changes the kernel refused, and passes that failed as a whole").register(registry);
    private final Counter reloadFailures = Counter.builder().name("nlbridge_agent_reload_failures_total")
            .help("State file reloads refused (the previous state is kept)").register(registry);
    private final Gauge lastSuccess = Gauge.builder().name("nlbridge_agent_last_success_timestamp_seconds")
            .help("When a pass last ended with the kernel in the desired state").unit(Unit.SECONDS).register(registry);
    private final Gauge unresolved = Gauge.builder().name("nlbridge_agent_unresolved")
            .help("Declared bridges and ports that are missing or not ports of their bridge").register(registry);
    private final Histogram latency = Histogram.builder().name("nlbridge_agent_repair_latency_seconds")
            .help("From the first drift event of a burst to its repair acknowledged").unit(Unit.SECONDS)
            .classicOnly().classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .register(registry);

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Counts one pass. */
    public void record(ReconcilePass p) {
        passes.labelValues(p.trigger().name().toLowerCase(java.util.Locale.ROOT)).inc();
        applied.inc(p.applied());
        boolean repair = p.trigger() != ReconcilePass.Trigger.INITIAL && p.trigger() != ReconcilePass.Trigger.RELOAD;
        if (repair) {
            repaired.inc(p.applied());
        }
        failures.inc(p.failed() + (p.error() != null ? 1 : 0));
        if (p.plan() != null) {
            unresolved.set(p.plan().problems().size());
        }
        if (p.ok()) {
            lastSuccess.set(System.currentTimeMillis() / 1000.0);
        }
        if (p.applied() > 0 && (p.trigger() == ReconcilePass.Trigger.DRIFT || p.trigger() == ReconcilePass.Trigger.OVERRUN)) {
            latency.observe((p.finishedAt() - p.triggeredAt()) / 1e9);
        }
    }

    public void reloadFailed() {
        reloadFailures.inc();
    }
}
