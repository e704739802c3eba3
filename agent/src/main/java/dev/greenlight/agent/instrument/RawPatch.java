package dev.greenlight.agent.instrument;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Class-file surgery without ASM for the shapes a servlet application loads before its first
 * answer: {@code HttpServlet.service} (renamed, plus a new timing wrapper), a JDBC driver's prepare
 * and execute methods (renamed, plus straight-line wrappers) and session store constructors that
 * end in their only {@code return} (the hook is inserted just before it, so no other offset moves).
 * Loading and verifying ASM's ~35 classes, and parsing every class of a driver with it, cost a cold
 * JVM more than the rest of the agent's start-up together (~30 ms for PostgreSQL's driver); with
 * this, a servlet application on JDBC never loads ASM. Any other shape answers null and {@link
 * HookTransformer} falls back to ASM.
 *
 * <p>New constant pool entries are appended (duplicates of existing ones are allowed); everything
 * not changed is copied byte for byte.
 */
final class RawPatch {
  /** Prefix of a wrapped JDBC method's original, renamed. */
  static final String WRAPPED_PREFIX = "greenlight$";

  private final byte[] in;
  private final int[] entryOffsets;
  private final int cpEnd;
  private final ByteArrayOutputStream newEntries = new ByteArrayOutputStream();
  private int nextIndex;

  private RawPatch(byte[] in) {
    this.in = in;
    if (u4(0) != 0xCAFEBABE) {
      throw new IllegalArgumentException("not a class file");
    }
    int count = u2(8);
    entryOffsets = new int[count];
    int p = 10;
    for (int i = 1; i < count; i++) {
      entryOffsets[i] = p;
      int tag = in[p] & 0xFF;
      switch (tag) {
        case 1:
          p += 3 + u2(p + 1);
          break;
        case 3:
        case 4:
        case 9:
        case 10:
        case 11:
        case 12:
        case 17:
        case 18:
          p += 5;
          break;
        case 5:
        case 6:
          p += 9;
          i++;
          break;
        case 7:
        case 8:
        case 16:
        case 19:
        case 20:
          p += 3;
          break;
        case 15:
          p += 4;
          break;
        default:
          throw new IllegalArgumentException("constant pool tag " + tag);
      }
    }
    cpEnd = p;
    nextIndex = count;
  }

  /** {@code service(ServletRequest, ServletResponse)} wrapped, or null for another shape. */
  static byte[] wrapService(byte[] classfile) {
    return new RawPatch(classfile).serviceWrapper();
  }

  /**
   * JDBC: every public {@code java.sql} prepare/execute method ({@link JdbcMethods#JDBC_PREPARE},
   * {@link JdbcMethods#JDBC_EXECUTE}) wrapped; {@code classfile} itself when the class declares
   * none (most of a driver's classes), so nothing is parsed beyond its member tables.
   */
  static byte[] wrapJdbc(byte[] classfile) {
    return new RawPatch(classfile).jdbcWrappers();
  }

  /** {@code Hooks.sessionStore(this)} before each constructor's final return, or null. */
  static byte[] hookConstructorEnds(byte[] classfile) {
    return new RawPatch(classfile).constructorEnds();
  }

  // --- reading

  private int u1(int p) {
    return in[p] & 0xFF;
  }

  private int u2(int p) {
    return ((in[p] & 0xFF) << 8) | (in[p + 1] & 0xFF);
  }

  private int u4(int p) {
    return (u2(p) << 16) | u2(p + 2);
  }

  private String utf8(int index) {
    int p = entryOffsets[index];
    if (u1(p) != 1) {
      throw new IllegalArgumentException("constant " + index + " is not a Utf8");
    }
    // Modified UTF-8 equals UTF-8 for the ASCII names compared here.
    return new String(in, p + 3, u2(p + 1), StandardCharsets.UTF_8);
  }

  private int majorVersion() {
    return u2(6);
  }

  /** Offset of the first method, after interfaces and fields. */
  private int methodsOffset() {
    int p = cpEnd + 6;
    p += 2 + 2 * u2(p);
    int fields = u2(p);
    p += 2;
    for (int i = 0; i < fields; i++) {
      p = skipMember(p);
    }
    return p;
  }

  private int skipMember(int p) {
    int attributes = u2(p + 6);
    p += 8;
    for (int i = 0; i < attributes; i++) {
      p += 6 + u4(p + 2);
    }
    return p;
  }

  // --- new constants

  private int add(int... bytes) {
    for (int b : bytes) {
      newEntries.write(b);
    }
    return nextIndex++;
  }

  private int utf8Constant(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    newEntries.write(1);
    newEntries.write(b.length >>> 8);
    newEntries.write(b.length);
    newEntries.write(b, 0, b.length);
    return nextIndex++;
  }

  private int classConstant(String internalName) {
    int name = utf8Constant(internalName);
    return add(7, name >>> 8, name);
  }

  private int methodConstant(int classIndex, int nameIndex, int descriptorIndex) {
    int nat = add(12, nameIndex >>> 8, nameIndex, descriptorIndex >>> 8, descriptorIndex);
    return add(10, classIndex >>> 8, classIndex, nat >>> 8, nat);
  }

  private int methodConstant(String owner, String name, String descriptor) {
    return methodConstant(classConstant(owner), utf8Constant(name), utf8Constant(descriptor));
  }

  // --- output

  private static void w2(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private static void w4(ByteArrayOutputStream out, int v) {
    w2(out, v >>> 16);
    w2(out, v);
  }

  /** Header with the enlarged constant pool, then {@code in[from, to)}. */
  private ByteArrayOutputStream startOutput() {
    if (nextIndex > 0xFFFF) {
      throw new IllegalArgumentException("constant pool full");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 512);
    out.write(in, 0, 8);
    w2(out, nextIndex);
    out.write(in, 10, cpEnd - 10);
    byte[] added = newEntries.toByteArray();
    out.write(added, 0, added.length);
    return out;
  }

  // --- servlet

  private boolean isPlainClass() {
    return (u2(cpEnd) & (0x0200 | 0x2000 | 0x8000)) == 0; // not interface, annotation, module
  }

  private byte[] serviceWrapper() {
    if (!isPlainClass()) {
      return null;
    }
    int methods = methodsOffset();
    int count = u2(methods);
    int p = methods + 2;
    int target = -1;
    String descriptor = null;
    for (int i = 0; i < count; i++) {
      String name = utf8(u2(p + 2));
      if (name.equals(HookTransformer.RENAMED_SERVICE)) {
        return null; // already wrapped
      }
      String desc = utf8(u2(p + 4));
      int access = u2(p);
      if (name.equals("service")
          && (access & 0x0001) != 0 // public
          && (access & (0x0008 | 0x0400 | 0x0100)) == 0 // not static, abstract, native
          && (desc.equals("(Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;)V")
              || desc.equals("(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)V"))) {
        target = p;
        descriptor = desc;
      }
      p = skipMember(p);
    }
    if (target < 0) {
      return null;
    }
    int methodsEnd = p;
    int thisClass = u2(cpEnd + 2);
    String api = descriptor.substring(2, descriptor.indexOf('/', 2)); // jakarta or javax

    int renamed = utf8Constant(HookTransformer.RENAMED_SERVICE);
    int callOriginal = methodConstant(thisClass, renamed, u2(target + 4));
    int nanoTime = methodConstant("java/lang/System", "nanoTime", "()J");
    int serviced = methodConstant(Hooks.INTERNAL_NAME, "serviced", "(JLjava/lang/Object;)V");
    int codeName = utf8Constant("Code");
    boolean frames = majorVersion() >= 50;
    int stackMapName = frames ? utf8Constant("StackMapTable") : 0;
    int requestClass = frames ? classConstant(api + "/servlet/ServletRequest") : 0;
    int responseClass = frames ? classConstant(api + "/servlet/ServletResponse") : 0;
    int throwableClass = frames ? classConstant("java/lang/Throwable") : 0;

    ByteArrayOutputStream out = startOutput();
    out.write(in, cpEnd, methods - cpEnd);
    w2(out, count + 1);
    // The original, renamed and hidden: private synthetic, not public/protected/final.
    out.write(in, methods + 2, target - (methods + 2));
    int access = u2(target);
    w2(out, (access & ~(0x0001 | 0x0004 | 0x0010)) | 0x0002 | 0x1000);
    w2(out, renamed);
    int targetEnd = skipMember(target);
    out.write(in, target + 4, targetEnd - (target + 4));
    out.write(in, targetEnd, methodsEnd - targetEnd);

    // The wrapper, under the original name, descriptor and throws clause.
    w2(out, access);
    w2(out, u2(target + 2));
    w2(out, u2(target + 4));
    int exceptionsAttribute = attribute(target, "Exceptions");
    w2(out, exceptionsAttribute < 0 ? 1 : 2);
    byte[] code = {
      (byte) 0xb8,
      (byte) (nanoTime >>> 8),
      (byte) nanoTime, // 0 invokestatic System.nanoTime
      0x42, // 3 lstore_3
      0x2a,
      0x2b,
      0x2c, // 4 aload_0, aload_1, aload_2  (try start)
      (byte) 0xb7,
      (byte) (callOriginal >>> 8),
      (byte) callOriginal, // 7 invokespecial original
      0x21,
      0x2b, // 10 lload_3, aload_1  (try end)
      (byte) 0xb8,
      (byte) (serviced >>> 8),
      (byte) serviced, // 12 invokestatic Hooks.serviced
      (byte) 0xb1, // 15 return
      0x3a,
      5, // 16 astore 5  (handler)
      0x21,
      0x2b, // 18 lload_3, aload_1
      (byte) 0xb8,
      (byte) (serviced >>> 8),
      (byte) serviced, // 20 invokestatic Hooks.serviced
      0x19,
      5, // 23 aload 5
      (byte) 0xbf // 25 athrow
    };
    ByteArrayOutputStream codeAttribute = new ByteArrayOutputStream();
    w2(codeAttribute, 3); // max_stack
    w2(codeAttribute, 6); // max_locals
    w4(codeAttribute, code.length);
    codeAttribute.write(code, 0, code.length);
    w2(codeAttribute, 1);
    w2(codeAttribute, 4); // start
    w2(codeAttribute, 10); // end
    w2(codeAttribute, 16); // handler
    w2(codeAttribute, 0); // any
    if (frames) {
      w2(codeAttribute, 1);
      w2(codeAttribute, stackMapName);
      w4(codeAttribute, 2 + 1 + 2 + 2 + 3 * 3 + 1 + 2 + 3);
      w2(codeAttribute, 1); // one frame
      codeAttribute.write(255); // full_frame
      w2(codeAttribute, 16); // at the handler
      w2(codeAttribute, 4); // locals: this, request, response, long
      codeAttribute.write(7);
      w2(codeAttribute, thisClass);
      codeAttribute.write(7);
      w2(codeAttribute, requestClass);
      codeAttribute.write(7);
      w2(codeAttribute, responseClass);
      codeAttribute.write(4);
      w2(codeAttribute, 1); // stack: the Throwable
      codeAttribute.write(7);
      w2(codeAttribute, throwableClass);
    } else {
      w2(codeAttribute, 0);
    }
    byte[] body = codeAttribute.toByteArray();
    w2(out, codeName);
    w4(out, body.length);
    out.write(body, 0, body.length);
    if (exceptionsAttribute >= 0) {
      out.write(in, exceptionsAttribute, 6 + u4(exceptionsAttribute + 2));
    }
    out.write(in, methodsEnd, in.length - methodsEnd);
    return out.toByteArray();
  }

  // --- JDBC

  /**
   * Each matched method is renamed {@code greenlight$<name>} (private synthetic, as the servlet's)
   * and a straight-line wrapper takes its name: an execute reports its text and calls the original;
   * a prepare calls the original and reports the statement it returns with the text it was given
   * (the wrapper's own parameter, whatever the original does with its copy). No branches, so no
   * stack map frames; the original's code, frames and attributes are copied untouched.
   */
  private byte[] jdbcWrappers() {
    if (!isPlainClass()) {
      return in;
    }
    int methods = methodsOffset();
    int count = u2(methods);
    int[] targets = new int[count];
    boolean[] prepares = new boolean[count];
    int found = 0;
    int p = methods + 2;
    for (int i = 0; i < count; i++) {
      int nameIndex = u2(p + 2);
      int first = u1(entryOffsets[nameIndex] + 3);
      if (first == 'g' && utf8(nameIndex).startsWith(WRAPPED_PREFIX)) {
        return in; // already wrapped
      }
      if ((first == 'p' || first == 'e' || first == 'a')
          && (u2(p) & 0x0001) != 0 // public
          && (u2(p) & (0x0008 | 0x0400 | 0x0100)) == 0) { // not static, abstract, native
        String key = utf8(nameIndex) + utf8(u2(p + 4));
        boolean prepare = JdbcMethods.JDBC_PREPARE.contains(key);
        if (prepare || JdbcMethods.JDBC_EXECUTE.contains(key)) {
          prepares[found] = prepare;
          targets[found++] = p;
        }
      }
      p = skipMember(p);
    }
    if (found == 0) {
      return in;
    }
    int methodsEnd = p;
    int thisClass = u2(cpEnd + 2);
    int codeName = utf8Constant("Code");
    int sqlText = methodConstant(Hooks.INTERNAL_NAME, "sqlText", "(Ljava/lang/String;)V");
    int sqlPrepared =
        methodConstant(
            Hooks.INTERNAL_NAME, "sqlPrepared", "(Ljava/lang/Object;Ljava/lang/String;)V");
    int[] renamed = new int[found];
    int[] originals = new int[found];
    for (int t = 0; t < found; t++) {
      int target = targets[t];
      renamed[t] = utf8Constant(WRAPPED_PREFIX + utf8(u2(target + 2)));
      originals[t] = methodConstant(thisClass, renamed[t], u2(target + 4));
    }

    ByteArrayOutputStream out = startOutput();
    out.write(in, cpEnd, methods - cpEnd);
    w2(out, count + found);
    int copied = methods + 2;
    for (int t = 0; t < found; t++) {
      int target = targets[t];
      out.write(in, copied, target - copied);
      int access = u2(target);
      w2(out, (access & ~(0x0001 | 0x0004 | 0x0010)) | 0x0002 | 0x1000);
      w2(out, renamed[t]);
      copied = target + 4;
    }
    out.write(in, copied, methodsEnd - copied);
    for (int t = 0; t < found; t++) {
      writeJdbcWrapper(out, targets[t], prepares[t], originals[t], codeName, sqlText, sqlPrepared);
    }
    out.write(in, methodsEnd, in.length - methodsEnd);
    return out.toByteArray();
  }

  private void writeJdbcWrapper(
      ByteArrayOutputStream out,
      int target,
      boolean prepare,
      int original,
      int codeName,
      int sqlText,
      int sqlPrepared) {
    String descriptor = utf8(u2(target + 4));
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    if (!prepare) {
      code.write(0x2b); // aload_1
      code.write(0xb8); // invokestatic Hooks.sqlText
      w2(code, sqlText);
    }
    code.write(0x2a); // aload_0
    int slot = 1;
    int i = 1;
    while (descriptor.charAt(i) != ')') {
      char c = descriptor.charAt(i);
      int start = i;
      while (descriptor.charAt(i) == '[') {
        i++;
      }
      if (descriptor.charAt(i) == 'L') {
        i = descriptor.indexOf(';', i);
      }
      i++;
      boolean reference = c == '[' || c == 'L';
      code.write(reference ? 0x19 : c == 'J' ? 0x16 : c == 'F' ? 0x17 : c == 'D' ? 0x18 : 0x15);
      code.write(slot);
      slot += !reference && (c == 'J' || c == 'D') ? 2 : 1;
      if (slot > 0xFF || i <= start) {
        throw new IllegalArgumentException("unexpected descriptor " + descriptor);
      }
    }
    code.write(0xb7); // invokespecial the renamed original
    w2(code, original);
    char result = descriptor.charAt(i + 1);
    if (prepare) {
      code.write(0x59); // dup
      code.write(0x2b); // aload_1
      code.write(0xb8); // invokestatic Hooks.sqlPrepared
      w2(code, sqlPrepared);
    }
    code.write(
        result == 'V'
            ? 0xb1
            : result == 'J' ? 0xad : result == 'L' || result == '[' ? 0xb0 : 0xac); // return
    int maxStack = Math.max(slot, 3); // this + arguments; a long result; dup + text
    int exceptionsAttribute = attribute(target, "Exceptions");

    w2(out, u2(target) & ~0x0020); // the original's access, not synchronized
    w2(out, u2(target + 2));
    w2(out, u2(target + 4));
    w2(out, exceptionsAttribute < 0 ? 1 : 2);
    w2(out, codeName);
    w4(out, 12 + code.size());
    w2(out, maxStack);
    w2(out, slot); // max_locals
    w4(out, code.size());
    byte[] bytes = code.toByteArray();
    out.write(bytes, 0, bytes.length);
    w2(out, 0); // no exception table
    w2(out, 0); // no attributes
    if (exceptionsAttribute >= 0) {
      out.write(in, exceptionsAttribute, 6 + u4(exceptionsAttribute + 2));
    }
  }

  /** Offset of a member's attribute by name, or -1. */
  private int attribute(int member, String name) {
    for (int a = 0, q = member + 8; a < u2(member + 6); a++) {
      if (utf8(u2(q)).equals(name)) {
        return q;
      }
      q += 6 + u4(q + 2);
    }
    return -1;
  }

  // --- constructors

  private byte[] constructorEnds() {
    if (!isPlainClass()) {
      return null;
    }
    int methods = methodsOffset();
    int count = u2(methods);
    int p = methods + 2;
    int[] codeAttributes = new int[count];
    int found = 0;
    for (int i = 0; i < count; i++) {
      if (utf8(u2(p + 2)).equals("<init>") && (u2(p) & (0x0400 | 0x0100)) == 0) {
        int code = attribute(p, "Code");
        if (code < 0 || !endsInItsOnlyReturn(code)) {
          return null;
        }
        codeAttributes[found++] = code;
      }
      p = skipMember(p);
    }
    if (found == 0) {
      return null;
    }
    int sessionStore = methodConstant(Hooks.INTERNAL_NAME, "sessionStore", "(Ljava/lang/Object;)V");
    ByteArrayOutputStream out = startOutput();
    int copied = cpEnd;
    for (int i = 0; i < found; i++) {
      int code = codeAttributes[i];
      int codeLength = u4(code + 10);
      int returnAt = code + 14 + codeLength - 1;
      out.write(in, copied, code + 2 - copied);
      w4(out, u4(code + 2) + 4); // attribute_length
      w2(out, u2(code + 6) + 1); // max_stack
      w2(out, u2(code + 8)); // max_locals
      w4(out, codeLength + 4);
      out.write(in, code + 14, codeLength - 1);
      out.write(0x2a); // aload_0
      out.write(0xb8); // invokestatic Hooks.sessionStore
      w2(out, sessionStore);
      copied = returnAt; // the return itself, then the rest of the attribute unchanged
    }
    out.write(in, copied, in.length - copied);
    return out.toByteArray();
  }

  /**
   * Whether the code's last instruction is its only {@code return}, and no exception handler starts
   * or is protected from there on, so inserting before it moves nothing else.
   */
  private boolean endsInItsOnlyReturn(int codeAttribute) {
    int codeLength = u4(codeAttribute + 10);
    int start = codeAttribute + 14;
    int pc = 0;
    int returns = 0;
    int lastInstruction = -1;
    while (pc < codeLength) {
      int opcode = u1(start + pc);
      lastInstruction = pc;
      if (opcode >= 0xac && opcode <= 0xb1) {
        returns++;
      }
      int length = instructionLength(start, pc, opcode);
      if (length <= 0) {
        return false;
      }
      pc += length;
    }
    if (pc != codeLength
        || returns != 1
        || lastInstruction != codeLength - 1
        || u1(start + lastInstruction) != 0xb1) {
      return false;
    }
    int table = start + codeLength;
    for (int i = 0, n = u2(table); i < n; i++) {
      int entry = table + 2 + 8 * i;
      if (u2(entry) >= lastInstruction || u2(entry + 4) >= lastInstruction) {
        return false;
      }
    }
    return u2(codeAttribute + 6) < 0xFFFF && codeLength + 4 < 0xFFFF;
  }

  /** Bytes of the instruction at {@code pc}, or 0 for one this reader does not know. */
  private int instructionLength(int start, int pc, int opcode) {
    if (opcode <= 0x0f
        || (opcode >= 0x1a && opcode <= 0x35)
        || (opcode >= 0x3b && opcode <= 0x83)) {
      return 1;
    }
    if ((opcode >= 0x85 && opcode <= 0x98) || (opcode >= 0xac && opcode <= 0xb1)) {
      return 1;
    }
    switch (opcode) {
      case 0x10:
      case 0x12:
      case 0xa9:
      case 0xbc:
        return 2;
      case 0x15:
      case 0x16:
      case 0x17:
      case 0x18:
      case 0x19:
      case 0x36:
      case 0x37:
      case 0x38:
      case 0x39:
      case 0x3a:
        return 2;
      case 0x11:
      case 0x13:
      case 0x14:
      case 0x84:
      case 0xbb:
      case 0xbd:
      case 0xc0:
      case 0xc1:
      case 0xc6:
      case 0xc7:
        return 3;
      case 0xbe:
      case 0xbf:
      case 0xc2:
      case 0xc3:
        return 1;
      case 0xc5:
        return 4;
      case 0xb9:
      case 0xba:
      case 0xc8:
      case 0xc9:
        return 5;
      case 0xc4:
        return u1(start + pc + 1) == 0x84 ? 6 : 4;
      case 0xaa:
        {
          int p = pc + 1 + ((4 - (pc + 1) % 4) % 4);
          int low = u4(start + p + 4);
          int high = u4(start + p + 8);
          return p + 12 + 4 * (high - low + 1) - pc;
        }
      case 0xab:
        {
          int p = pc + 1 + ((4 - (pc + 1) % 4) % 4);
          return p + 8 + 8 * u4(start + p + 4) - pc;
        }
      default:
        if ((opcode >= 0x99 && opcode <= 0xa8) || (opcode >= 0xb2 && opcode <= 0xb8)) {
          return 3;
        }
        return 0;
    }
  }
}
