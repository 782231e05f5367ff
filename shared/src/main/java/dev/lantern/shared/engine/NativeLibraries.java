package dev.lantern.shared.engine;

import ai.djl.engine.Engine;
import org.jboss.logging.Logger;

/**
 * The native libraries an app carries: its DJL engines, the Hugging Face tokenizers, the JPEG decoder's libjpeg-turbo
 * (each app depends only on those its task uses). Loading them is much of a model's start-up cost, so
 * {@code LanternMain} loads them beside the framework's boot; the edge distribution build runs {@link #main} once to
 * unpack them into the app's folder ({@code ENGINE_CACHE_DIR}, {@code org.bytedeco.javacpp.cachedir}), so that no
 * start unpacks anything.
 */
public final class NativeLibraries {

    private static final String TOKENIZERS = "ai.djl.huggingface.tokenizers.jni.LibUtils";
    private static final String LEPTONICA = "org.bytedeco.leptonica.global.leptonica";
    private static final String IMAGE_DECODER = "dev.lantern.shared.image.ImageDecoder";

    private NativeLibraries() {}

    /**
     * Loads the native libraries on the class path. One that fails is left to the code that needs it, which reports
     * the failure in context (a model that cannot load says why); here it is only logged.
     */
    public static void load() {
        DjlEnvironment.lockDown();
        for (String engine : Engine.getAllEngines()) {
            attempt("engine " + engine, () -> Engine.getEngine(engine));
        }
        if (onClassPath(TOKENIZERS)) {
            attempt("tokenizers", () -> callStatic(TOKENIZERS, "checkStatus"));
        }
        if (onClassPath(LEPTONICA)) {
            attempt("libjpeg-turbo", () -> callStatic(IMAGE_DECODER, "loadNatives"));
        }
    }

    private static void attempt(String library, Runnable load) {
        try {
            load.run();
        } catch (RuntimeException | LinkageError e) {
            // looked up here, not in a static field: the first logger costs the main thread 100 ms at launch
            Logger.getLogger(NativeLibraries.class).debugf(e, "The %s did not load ahead of its use", library);
        }
    }

    /** Starts {@link #load} on a daemon thread and returns at once. */
    public static void loadInBackground() {
        Thread thread = new Thread(NativeLibraries::load, "lantern-natives");
        thread.setDaemon(true);
        thread.start();
    }

    /** Build step of the edge distribution: unpacks the natives into the configured cache folders, then exits. */
    public static void main(String[] args) {
        load();
        System.out.println("Native libraries unpacked for the engines " + Engine.getAllEngines());
    }

    /** False for every class in a native executable (it has no class files): there the libraries load on first use. */
    private static boolean onClassPath(String className) {
        return NativeLibraries.class.getClassLoader().getResource(className.replace('.', '/') + ".class") != null;
    }

    /**
     * Calls a static method by name: an app that lacks the library never links against it, neither on the JVM nor in
     * the native image builder, which links every class it reaches and fails on a missing one.
     */
    private static void callStatic(String className, String method) {
        try {
            Class.forName(className, true, NativeLibraries.class.getClassLoader()).getMethod(method).invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
