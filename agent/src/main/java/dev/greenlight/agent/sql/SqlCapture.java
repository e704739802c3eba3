package dev.greenlight.agent.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The distinct SQL texts seen at the JDBC boundary, with how often each was seen. Request threads
 * only look a text up and increment its counter; a new text is added until the bound is reached,
 * after which new texts are counted as dropped.
 */
public final class SqlCapture {
  private static final SqlCapture INSTANCE = new SqlCapture();

  /**
   * The agent's bounds, set in premain before any hook can run. A holder of its own: setting them
   * neither loads nor initialises {@link SqlCapture} (and its counters) in the host's start-up; the
   * shared instance reads them when the first statement arrives.
   */
  public static final class Bounds {
    private static volatile int maxDistinct = 2000;
    private static volatile int maxLength = 10000;
    private static volatile long maxChars = 1_000_000;

    private Bounds() {}

    /** Distinct texts, characters of one text, and characters of all texts together. */
    public static void set(int maxDistinct, int maxLength, long maxChars) {
      Bounds.maxDistinct = maxDistinct;
      Bounds.maxLength = maxLength;
      Bounds.maxChars = maxChars;
    }
  }

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong chars = new AtomicLong();
  private final LongAdder dropped = new LongAdder();
  private final AtomicLong version = new AtomicLong();
  // Drivers' overloads delegate to each other and return the same statement object; a recent
  // statement's identity in this small table keeps one prepare from counting several times.
  private final AtomicIntegerArray recentStatements = new AtomicIntegerArray(256);
  private volatile int maxDistinct = Bounds.maxDistinct;
  private volatile int maxLength = Bounds.maxLength;
  private volatile long maxChars = Bounds.maxChars;

  public static SqlCapture get() {
    return INSTANCE;
  }

  /** Bounds: distinct texts, characters of one text, and characters of all texts together. */
  public void configure(int maxDistinct, int maxLength, long maxChars) {
    this.maxDistinct = maxDistinct;
    this.maxLength = maxLength;
    this.maxChars = maxChars;
  }

  /** Called from JDBC advice when a statement is prepared; {@code statement} is its result. */
  public static void prepared(String sql, Object statement) {
    if (statement != null) {
      int id = System.identityHashCode(statement);
      int slot = (id ^ (id >>> 16)) & 255;
      if (INSTANCE.recentStatements.getAndSet(slot, id) == id) {
        return;
      }
    }
    INSTANCE.record(sql);
  }

  /** Called from JDBC advice when a statement text is executed or batched. */
  public static void executed(String sql) {
    INSTANCE.record(sql);
  }

  void record(String sql) {
    if (sql == null) {
      return;
    }
    LongAdder counter = counts.get(sql);
    if (counter == null) {
      if (sql.length() > maxLength
          || size.get() >= maxDistinct
          || chars.get() + sql.length() > maxChars) {
        dropped.increment();
        return;
      }
      if (size.incrementAndGet() > maxDistinct) {
        size.decrementAndGet();
        dropped.increment();
        return;
      }
      chars.addAndGet(sql.length());
      LongAdder fresh = new LongAdder();
      LongAdder raced = counts.putIfAbsent(sql, fresh);
      if (raced == null) {
        version.incrementAndGet();
        counter = fresh;
      } else {
        size.decrementAndGet();
        chars.addAndGet(-sql.length());
        counter = raced;
      }
    }
    counter.increment();
  }

  /** Number of distinct texts held. */
  public int distinct() {
    return counts.size();
  }

  /** True when texts were dropped because of the bound or their length. */
  public boolean truncated() {
    return dropped.sum() > 0;
  }

  public long dropped() {
    return dropped.sum();
  }

  /** Changes whenever a new distinct text is captured. */
  public long version() {
    return version.get();
  }

  /** A copy of the captured texts and counts, most frequent first. */
  public List<Map.Entry<String, Long>> snapshot() {
    List<Map.Entry<String, Long>> result = new ArrayList<>(counts.size());
    for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
      result.add(Map.entry(e.getKey(), e.getValue().sum()));
    }
    result.sort(
        (a, b) -> {
          int byCount = Long.compare(b.getValue(), a.getValue());
          return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
        });
    return result;
  }

  /**
   * The captured statements as an SQL file: one statement per entry, {@code $n} placeholders, a
   * comment with its count, entries sorted by text so the file is stable while counts change.
   */
  public String sqlFile() {
    List<Map.Entry<String, Long>> entries = snapshot();
    entries.sort(Map.Entry.comparingByKey());
    StringBuilder out = new StringBuilder();
    out.append("-- Captured by the Greenlight agent: ")
        .append(entries.size())
        .append(" distinct statements")
        .append(truncated() ? " (truncated: " + dropped() + " not kept)" : "")
        .append('\n');
    for (Map.Entry<String, Long> e : entries) {
      String text = PlaceholderRewriter.rewrite(e.getKey().trim());
      while (text.endsWith(";")) {
        text = text.substring(0, text.length() - 1).trim();
      }
      if (text.isEmpty()) {
        continue;
      }
      out.append("-- count: ").append(e.getValue()).append('\n').append(text).append(";\n");
    }
    return out.toString();
  }

  /** Forgets everything (tests). */
  public void clear() {
    counts.clear();
    size.set(0);
    chars.set(0);
    dropped.reset();
    version.incrementAndGet();
  }
}
