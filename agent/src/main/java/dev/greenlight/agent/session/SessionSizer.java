package dev.greenlight.agent.session;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Map;

/** Serialized size of session attributes, counted without keeping the bytes. */
final class SessionSizer {
  /** Larger attributes count as this many bytes; their serialization is stopped there. */
  static final long MAX_ATTRIBUTE_BYTES = 1 << 20;

  private SessionSizer() {}

  /** Bytes of one session's attributes; the second element counts attributes that failed. */
  static long[] measure(Map<String, Object> attributes) {
    long bytes = 0;
    long failed = 0;
    for (Object entryObject : attributes.entrySet().toArray()) {
      Map.Entry<?, ?> e = (Map.Entry<?, ?>) entryObject;
      Object value = e.getValue();
      String name = String.valueOf(e.getKey());
      bytes += name.length() + 8;
      if (!(value instanceof Serializable)) {
        continue;
      }
      CountingStream counter = new CountingStream();
      try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
        out.writeObject(value);
      } catch (TooLarge tooLarge) {
        // counted up to the limit
      } catch (IOException | RuntimeException | StackOverflowError notSerializable) {
        failed++;
      }
      bytes += counter.count;
    }
    return new long[] {bytes, failed};
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("attribute larger than " + MAX_ATTRIBUTE_BYTES + " bytes", null);
    }
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) throws IOException {
      add(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      add(len);
    }

    private void add(long n) throws IOException {
      count += n;
      if (count > MAX_ATTRIBUTE_BYTES) {
        count = MAX_ATTRIBUTE_BYTES;
        throw new TooLarge();
      }
    }
  }
}
