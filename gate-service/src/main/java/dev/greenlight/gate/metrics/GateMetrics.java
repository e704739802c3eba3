package dev.greenlight.gate.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Lock-free counters, rendered in the Prometheus text exposition format (version 0.0.4). */
public final class GateMetrics {
  private record Family(String help, String type) {}

  private final Map<String, Family> families = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> counters = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

  public GateMetrics() {
    family("greenlight_gate_http_requests_total", "HTTP requests by route and status.", "counter");
    family(
        "greenlight_gate_decision_reads_total", "Decision and check reads by verdict.", "counter");
    family(
        "greenlight_gate_decisions_total", "Distinct decisions recorded, by verdict.", "counter");
    family("greenlight_gate_evidence_writes_total", "Evidence writes by kind.", "counter");
    family("greenlight_gate_switches_total", "Switches by kind and outcome.", "counter");
    family(
        "greenlight_gate_agent_reports_pruned_total",
        "Agent reports deleted because decisions no longer consider them.",
        "counter");
  }

  private void family(String name, String help, String type) {
    families.put(name, new Family(help, type));
  }

  /** Increments a counter; labels are given as name/value pairs. */
  public void count(String name, String... labels) {
    counters
        .computeIfAbsent(name, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(labelText(labels), k -> new LongAdder())
        .increment();
  }

  public long value(String name, String... labels) {
    Map<String, LongAdder> series = counters.get(name);
    LongAdder a = series == null ? null : series.get(labelText(labels));
    return a == null ? 0 : a.sum();
  }

  public void gauge(String name, String help, LongSupplier value) {
    family(name, help, "gauge");
    gauges.put(name, value);
  }

  public String render() {
    StringBuilder b = new StringBuilder(1024);
    for (var f : new TreeMap<>(families).entrySet()) {
      String name = f.getKey();
      b.append("# HELP ").append(name).append(' ').append(f.getValue().help()).append('\n');
      b.append("# TYPE ").append(name).append(' ').append(f.getValue().type()).append('\n');
      LongSupplier gauge = gauges.get(name);
      if (gauge != null) {
        b.append(name).append(' ').append(gauge.getAsLong()).append('\n');
        continue;
      }
      Map<String, LongAdder> series = counters.get(name);
      if (series != null) {
        for (var s : new TreeMap<>(series).entrySet()) {
          b.append(name).append(s.getKey()).append(' ').append(s.getValue().sum()).append('\n');
        }
      }
    }
    return b.toString();
  }

  private static String labelText(String... labels) {
    if (labels.length == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i + 1 < labels.length; i += 2) {
      if (i > 0) {
        b.append(',');
      }
      b.append(labels[i]).append("=\"");
      String v = labels[i + 1];
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '\\' || c == '"') {
          b.append('\\').append(c);
        } else if (c == '\n') {
          b.append("\\n");
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
    return b.append('}').toString();
  }
}
