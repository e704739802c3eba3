package dev.greenlight.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.function.Predicate;

/**
 * Defines the classes it owns itself (child first) from the test class path, passing each through a
 * transformer first (none: defined as compiled); every other class comes from the parent.
 */
final class TransformingLoader extends ClassLoader {
  private final Predicate<String> own;
  private final ClassFileTransformer transformer;

  TransformingLoader(ClassLoader parent, Predicate<String> own, ClassFileTransformer transformer) {
    super(parent);
    this.own = own;
    this.transformer = transformer;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null && own.test(name)) {
        byte[] bytes = classBytes(name);
        byte[] transformed = null;
        if (transformer != null) {
          try {
            transformed = transformer.transform(this, name.replace('.', '/'), null, null, bytes);
          } catch (java.lang.instrument.IllegalClassFormatException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        byte[] used = transformed == null ? bytes : transformed;
        c = defineClass(name, used, 0, used.length);
      }
      return c != null ? c : super.loadClass(name, resolve);
    }
  }

  /** A class's bytes from the test class path (binary name). */
  static byte[] classBytes(String name) {
    String resource = "/" + name.replace('.', '/') + ".class";
    try (InputStream in = TransformingLoader.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
