package dev.lantern.shared.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledFileTest {

    private static final byte[] OLD = "weights of the model shipped before".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "weights of the model retrained now!".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    /** An upgraded jar whose model file kept its size once left the old copy in the cache, loaded at every start. */
    @Test
    void aRetrainedModelOfTheSameSizeReplacesTheCopyFromTheJarBefore() throws IOException {
        assertEquals(OLD.length, NEW.length);
        Path target = temp.resolve("cache/model.params");
        Path copy = BundledFile.copy(inJar("old.jar", OLD), target);
        assertEquals(target, copy);
        assertArrayEquals(OLD, Files.readAllBytes(target));

        BundledFile.copy(inJar("new.jar", NEW), target);
        assertArrayEquals(NEW, Files.readAllBytes(target));
    }

    @Test
    void aCurrentCopyIsLeftAsItIs() throws IOException {
        URL jar = inJar("model.jar", OLD);
        Path target = BundledFile.copy(jar, temp.resolve("cache/model.params"));
        FileTime longAgo = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(target, longAgo);

        BundledFile.copy(jar, target);
        assertEquals(longAgo, Files.getLastModifiedTime(target), "the copy was written again");
    }

    @Test
    void aFileOutsideAJarIsComparedByItsContentToo() throws IOException {
        Path shipped = temp.resolve("classes/model.params");
        Files.createDirectories(shipped.getParent());
        Files.write(shipped, OLD);
        Path target = BundledFile.copy(shipped.toUri().toURL(), temp.resolve("cache/model.params"));
        FileTime longAgo = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(target, longAgo);
        BundledFile.copy(shipped.toUri().toURL(), target);
        assertEquals(longAgo, Files.getLastModifiedTime(target));

        Files.write(shipped, NEW);
        BundledFile.copy(shipped.toUri().toURL(), target);
        assertArrayEquals(NEW, Files.readAllBytes(target));
    }

    private URL inJar(String name, byte[] content) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("models/model.params"));
            out.write(content);
            out.closeEntry();
        }
        return URI.create("jar:" + jar.toUri() + "!/models/model.params").toURL();
    }
}
