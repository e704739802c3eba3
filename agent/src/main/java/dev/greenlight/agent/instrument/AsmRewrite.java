package dev.greenlight.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * {@link HookTransformer}'s general path, on the ASM that Byte Buddy ships: Spring Session's
 * filter, and the servlet and session-store shapes {@link RawPatch} does not handle (JDBC drivers
 * are all {@link RawPatch}'s). A class of its own so that ASM is loaded only when one of those
 * classes is.
 */
final class AsmRewrite {
  private static final String HOOKS = Hooks.INTERNAL_NAME;

  private AsmRewrite() {}

  /** The transformed class file, or null when there was nothing to change. */
  static byte[] rewrite(ClassTargets.Kind kind, byte[] classfile) {
    ClassReader reader = new ClassReader(classfile);
    if ((reader.getAccess() & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION | Opcodes.ACC_MODULE))
        != 0) {
      return null;
    }
    Survey survey = new Survey(kind);
    reader.accept(survey, ClassReader.SKIP_DEBUG | ClassReader.EXPAND_FRAMES);
    if (survey.plans.isEmpty()) {
      return null;
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new Rewriter(writer, survey.plans), 0);
    return writer.toByteArray();
  }

  /** What to do with one method. */
  enum Plan {
    /** {@code service}: rename, and add a timing wrapper under the old name. */
    WRAP_SERVICE,
    /** Constructor: {@code Hooks.sessionStore(this)} before every return. */
    STORE_AT_RETURN,
    /** Constructor: {@code Hooks.springSessionRepository(arg1)} on entry. */
    SPRING_AT_ENTRY
  }

  /**
   * First pass: which methods to change, and whether a method's parameter slot still holds the
   * parameter where the hook reads it (no store to that slot, every stack map frame agrees).
   */
  static final class Survey extends ClassVisitor {
    final Map<String, Plan> plans = new HashMap<>();
    private final ClassTargets.Kind kind;
    private boolean alreadyWrapped;

    Survey(ClassTargets.Kind kind) {
      super(Opcodes.ASM9);
      this.kind = kind;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      if (name.equals(HookTransformer.RENAMED_SERVICE)) {
        alreadyWrapped = true;
        plans.clear();
      }
      if (alreadyWrapped
          || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) != 0) {
        return null;
      }
      String key = name + descriptor;
      switch (kind) {
        case SERVLET:
          if (name.equals("service")
              && (access & Opcodes.ACC_PUBLIC) != 0
              && (descriptor.equals(
                      "(Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;)V")
                  || descriptor.equals(
                      "(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)V"))) {
            plans.put(key, Plan.WRAP_SERVICE);
          }
          return null;
        case SESSION_STORE:
          if (name.equals("<init>")) {
            return new SlotCheck(key);
          }
          return null;
        case SPRING_SESSION_FILTER:
          if (name.equals("<init>")) {
            Type[] args = Type.getArgumentTypes(descriptor);
            if (args.length == 1 && args[0].getSort() == Type.OBJECT) {
              plans.put(key, Plan.SPRING_AT_ENTRY);
            }
          }
          return null;
        default:
          return null;
      }
    }

    /** Plans a constructor's hook if it never overwrites {@code this} (slot 0). */
    private final class SlotCheck extends MethodVisitor {
      private final String key;
      private boolean intact = true;

      SlotCheck(String key) {
        super(Opcodes.ASM9);
        this.key = key;
      }

      @Override
      public void visitVarInsn(int opcode, int varIndex) {
        if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE && varIndex == 0) {
          intact = false;
        }
      }

      @Override
      public void visitIincInsn(int varIndex, int increment) {
        if (varIndex == 0) {
          intact = false;
        }
      }

      @Override
      public void visitEnd() {
        if (intact) {
          plans.put(key, Plan.STORE_AT_RETURN);
        }
      }
    }
  }

  /** Second pass: applies the plans; every other method is copied as bytes by the writer. */
  static final class Rewriter extends ClassVisitor {
    private final Map<String, Plan> plans;
    private String owner;
    private int version;

    Rewriter(ClassWriter writer, Map<String, Plan> plans) {
      super(Opcodes.ASM9, writer);
      this.plans = plans;
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      this.owner = name;
      this.version = version & 0xFFFF;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      Plan plan = plans.get(name + descriptor);
      if (plan == null) {
        return super.visitMethod(access, name, descriptor, signature, exceptions);
      }
      switch (plan) {
        case WRAP_SERVICE:
          writeServiceWrapper(access, descriptor, signature, exceptions);
          int hidden =
              (access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL))
                  | Opcodes.ACC_PRIVATE
                  | Opcodes.ACC_SYNTHETIC;
          return super.visitMethod(
              hidden, HookTransformer.RENAMED_SERVICE, descriptor, signature, exceptions);
        case STORE_AT_RETURN:
          return new StoreAtReturn(
              super.visitMethod(access, name, descriptor, signature, exceptions));
        case SPRING_AT_ENTRY:
        default:
          return new SpringAtEntry(
              super.visitMethod(access, name, descriptor, signature, exceptions));
      }
    }

    /**
     * {@code public void service(req, res) throws …} that times {@code greenlight$service}:
     *
     * <pre>
     *   long t = System.nanoTime();
     *   try { this.greenlight$service(req, res); }
     *   catch (Throwable e) { Hooks.serviced(t, req); throw e; }
     *   Hooks.serviced(t, req);
     * </pre>
     */
    private void writeServiceWrapper(
        int access, String descriptor, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, "service", descriptor, signature, exceptions);
      Type[] args = Type.getArgumentTypes(descriptor);
      Label start = new Label();
      Label end = new Label();
      Label handler = new Label();
      mv.visitCode();
      mv.visitTryCatchBlock(start, end, handler, null);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false);
      mv.visitVarInsn(Opcodes.LSTORE, 3);
      mv.visitLabel(start);
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitVarInsn(Opcodes.ALOAD, 2);
      mv.visitMethodInsn(
          Opcodes.INVOKESPECIAL, owner, HookTransformer.RENAMED_SERVICE, descriptor, false);
      mv.visitLabel(end);
      mv.visitVarInsn(Opcodes.LLOAD, 3);
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "serviced", "(JLjava/lang/Object;)V", false);
      mv.visitInsn(Opcodes.RETURN);
      mv.visitLabel(handler);
      if (version >= Opcodes.V1_6) {
        mv.visitFrame(
            Opcodes.F_FULL,
            4,
            new Object[] {
              owner, args[0].getInternalName(), args[1].getInternalName(), Opcodes.LONG
            },
            1,
            new Object[] {"java/lang/Throwable"});
      }
      mv.visitVarInsn(Opcodes.ASTORE, 5);
      mv.visitVarInsn(Opcodes.LLOAD, 3);
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "serviced", "(JLjava/lang/Object;)V", false);
      mv.visitVarInsn(Opcodes.ALOAD, 5);
      mv.visitInsn(Opcodes.ATHROW);
      mv.visitMaxs(3, 6);
      mv.visitEnd();
    }
  }

  /** {@code Hooks.sessionStore(this)} before every {@code return}. */
  static final class StoreAtReturn extends MethodVisitor {
    StoreAtReturn(MethodVisitor target) {
      super(Opcodes.ASM9, target);
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.RETURN) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(
            Opcodes.INVOKESTATIC, HOOKS, "sessionStore", "(Ljava/lang/Object;)V", false);
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(maxStack + 1, maxLocals);
    }
  }

  /** {@code Hooks.springSessionRepository(arg1)} as the constructor's first instructions. */
  static final class SpringAtEntry extends MethodVisitor {
    SpringAtEntry(MethodVisitor target) {
      super(Opcodes.ASM9, target);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC, HOOKS, "springSessionRepository", "(Ljava/lang/Object;)V", false);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(maxStack + 1, maxLocals);
    }
  }
}
