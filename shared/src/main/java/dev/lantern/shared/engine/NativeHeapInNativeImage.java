package dev.lantern.shared.engine;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import org.graalvm.nativeimage.c.function.CFunction;

/**
 * {@link NativeHeap} in a native executable, where JNA cannot load its JNI library: the same {@code malloc_trim(0)},
 * called through GraalVM's C interface. The image builder applies it; the JVM never loads this class.
 */
@TargetClass(NativeHeap.class)
final class NativeHeapInNativeImage {

    @Substitute
    static boolean releaseFreeMemory() {
        return CLibrary.malloc_trim(0) == 1;
    }

    /** The C library's call (a substitution's members all replace the target's, so it lives apart). */
    static final class CLibrary {

        private CLibrary() {}

        @CFunction("malloc_trim")
        static native int malloc_trim(long pad);
    }
}
