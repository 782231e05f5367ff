package dev.lantern.shared.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A native executable (mvnw -Pnative) carries no native library as a resource: ONNX Runtime's, JavaCPP's and the
 * tokenizers' lie in the executable's folder (the native edge archive; target/ after the build). Their loaders are
 * pointed there, so they neither unpack copies into /tmp or the home folder at every start nor need a library path
 * from the user. On the JVM this does nothing: there the loaders find the libraries in their jars or in the edge
 * archive's natives/ folder.
 */
public final class ExecutableFolderNatives {

    private ExecutableFolderNatives() {}

    /** Sets the loaders' folders unless the user already chose them (-D on the command line). */
    public static void pointLoadersThere() {
        if (!"runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"))) {
            return;
        }
        String folder = executableFolder().toString();
        setIfAbsent("onnxruntime.native.path", folder);
        // DJL's Hugging Face tokenizers (the summarizer) load the library this names. The file, not its folder: DJL
        // 0.33 reads a folder's CUDA architecture, which is null on a CPU (NullPointerException)
        Path tokenizers = Path.of(folder, System.mapLibraryName("tokenizers"));
        if (Files.isRegularFile(tokenizers)) {
            setIfAbsent("RUST_LIBRARY_PATH", tokenizers.toString());
        }
        // JavaCPP looks in java.library.path before its own resources when pathsFirst is set; its cache folder, which
        // it creates even then (~/.javacpp/cache), is this one, which exists
        setIfAbsent("org.bytedeco.javacpp.pathsFirst", "true");
        setIfAbsent("org.bytedeco.javacpp.cachedir", folder);
        String libraryPath = System.getProperty("java.library.path", "");
        System.setProperty("java.library.path", libraryPath.isEmpty() ? folder : folder + ":" + libraryPath);
    }

    private static Path executableFolder() {
        try {
            return Path.of("/proc/self/exe").toRealPath().getParent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find the folder of this executable", e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
