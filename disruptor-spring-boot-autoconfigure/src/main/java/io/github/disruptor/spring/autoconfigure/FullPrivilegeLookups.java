package io.github.disruptor.spring.autoconfigure;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.invoke.MethodType;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * Lookups with full privilege access on an application's class, which {@link LambdaMetafactory} needs
 * to generate a class that calls it.
 *
 * <p>{@link MethodHandles#privateLookupIn} gives one only when the class is in this library's runtime
 * module. A class loaded by another class loader is in another (unnamed) module, and the lookup lacks
 * {@link Lookup#MODULE} access: LambdaMetafactory refuses it ("Invalid caller"). That is every
 * application class under spring-boot-devtools, whose restart class loader loads the application while
 * the application class loader loads this library. For such a class, a class whose only method returns
 * {@link MethodHandles#lookup()} is defined in its package, with its class loader (which needs package
 * access only); its lookup has full privilege access in that module, and so has the private lookup on
 * the class made from it.
 */
final class FullPrivilegeLookups {

    /** The simple name of the class defined in a package, once per class loader. */
    static final String LOOKUP_CLASS_NAME = "DisruptorHandlerLookup$$";

    private static final String LOOKUP_DESCRIPTOR = Type.getMethodDescriptor(Type.getType(Lookup.class));

    private FullPrivilegeLookups() {
    }

    /**
     * A lookup on {@code target} with full privilege access.
     *
     * @throws ReflectiveOperationException if the target's package is not open to this library (a named
     *         module without {@code opens}), or no class can be defined in it (a sealed or signed package,
     *         or a native image, where no class is defined at run time)
     */
    static Lookup on(Class<?> target) throws ReflectiveOperationException {
        Lookup lookup = MethodHandles.privateLookupIn(target, MethodHandles.lookup());
        if (lookup.hasFullPrivilegeAccess()) {
            return lookup;
        }
        Class<?> lookupClass = lookupClassIn(target, lookup);
        try {
            Lookup inTargetsModule = (Lookup) lookup.findStatic(lookupClass, "lookup", MethodType.methodType(Lookup.class))
                    .invokeExact();
            return MethodHandles.privateLookupIn(target, inTargetsModule);
        } catch (ReflectiveOperationException | RuntimeException | Error failure) {
            throw failure;
        } catch (Throwable unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private static Class<?> lookupClassIn(Class<?> target, Lookup lookup) throws IllegalAccessException {
        String packageName = target.getPackageName();
        String name = packageName.isEmpty() ? LOOKUP_CLASS_NAME : packageName + "." + LOOKUP_CLASS_NAME;
        try {
            return Class.forName(name, false, target.getClassLoader());
        } catch (ClassNotFoundException notDefinedYet) {
            try {
                return lookup.defineClass(lookupClassBytes(name));
            } catch (LinkageError definedMeanwhile) {
                try {
                    return Class.forName(name, false, target.getClassLoader());
                } catch (ClassNotFoundException notDefined) {
                    throw definedMeanwhile;
                }
            }
        }
    }

    /** {@code public final class <name> { public static Lookup lookup() { return MethodHandles.lookup(); } }} */
    private static byte[] lookupClassBytes(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                name.replace('.', '/'), null, Type.getInternalName(Object.class), null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "lookup", LOOKUP_DESCRIPTOR,
                null, null);
        method.visitCode();
        method.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(MethodHandles.class), "lookup",
                LOOKUP_DESCRIPTOR, false);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
