package dev.lantern.shared.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.sun.net.httpserver.HttpServer;
import dev.lantern.shared.error.ModelUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    private static final byte[] CONTENT = "weights of a tiny model".getBytes(StandardCharsets.UTF_8);
    private static final String CONTENT_SHA = "9a0dd43d2a614de3a8b332f52a6223d9e4b06c3ab2b34e8a1209f18acb22eba3";

    @TempDir
    Path temp;

    private HttpServer server;
    private final AtomicInteger downloads = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/", exchange -> {
            downloads.incrementAndGet();
            boolean found = exchange.getRequestURI().getPath().endsWith("/tiny.onnx");
            exchange.sendResponseHeaders(found ? 200 : 404, found ? CONTENT.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (found) {
                    out.write(CONTENT);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RemoteFile remote(String name, String sha) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/models/" + name;
        return RemoteFile.of(url, sha, "test.model.sha256");
    }

    @Test
    void checksumOfTestContentIsWhatTheTestsExpect() throws IOException {
        Path file = Files.write(temp.resolve("x"), CONTENT);
        assertEquals(CONTENT_SHA, ModelStore.sha256Of(file));
    }

    @Test
    void mirrorCopyIsUsedWithoutDownloading() throws IOException {
        Path mirror = Files.createDirectories(temp.resolve("mirror"));
        Files.write(mirror.resolve("tiny.onnx"), CONTENT);
        ModelStore store = new ModelStore(Optional.of(mirror), temp.resolve("cache"), false);

        assertEquals(mirror.resolve("tiny.onnx"), store.resolve(remote("tiny.onnx", CONTENT_SHA)));
        assertEquals(0, downloads.get());
    }

    @Test
    void downloadsOnceIntoTheCacheAndVerifies() throws IOException {
        Path cache = temp.resolve("cache");
        ModelStore store = new ModelStore(Optional.empty(), cache, false);

        Path first = store.resolve(remote("tiny.onnx", CONTENT_SHA));
        assertEquals(cache.resolve("tiny.onnx"), first);
        assertArrayEquals(CONTENT, Files.readAllBytes(first));
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".part")).count(), "no partial file is left");
        }
        // a second store (a restarted app) finds the cached copy
        new ModelStore(Optional.empty(), cache, false).resolve(remote("tiny.onnx", CONTENT_SHA));
        assertEquals(1, downloads.get());
    }

    @Test
    void downloadWithWrongChecksumIsRejectedAndNotKept() throws IOException {
        Path cache = temp.resolve("cache");
        ModelStore store = new ModelStore(Optional.empty(), cache, false);
        String wrong = "0".repeat(64);

        ModelUnavailableException e =
                assertThrows(ModelUnavailableException.class, () -> store.resolve(remote("tiny.onnx", wrong)));
        assertTrue(e.getMessage().contains("tiny.onnx") && e.getMessage().contains(CONTENT_SHA)
                && e.getMessage().contains(wrong), e.getMessage());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void anUnchangedFileIsHashedOnceAcrossRestartsAndAChangedOneAgain() throws IOException {
        Path mirror = Files.createDirectories(temp.resolve("mirror"));
        Path model = Files.write(mirror.resolve("tiny.onnx"), CONTENT);
        Path cache = temp.resolve("cache");
        new ModelStore(Optional.of(mirror), cache, true).resolve(remote("tiny.onnx", CONTENT_SHA));

        // same size and time, other bytes: a restarted store trusts its record and does not hash the file again
        var modified = Files.getLastModifiedTime(model);
        byte[] other = CONTENT.clone();
        other[0] ^= 1;
        Files.write(model, other);
        Files.setLastModifiedTime(model, modified);
        assertEquals(model, new ModelStore(Optional.of(mirror), cache, true).resolve(remote("tiny.onnx", CONTENT_SHA)));

        // a new modification time makes it hash the file, which no longer matches
        Files.setLastModifiedTime(model, FileTime.fromMillis(modified.toMillis() + 2000));
        assertThrows(ModelUnavailableException.class,
                () -> new ModelStore(Optional.of(mirror), cache, true).resolve(remote("tiny.onnx", CONTENT_SHA)));
    }

    @Test
    void mirrorCopyWithWrongChecksumSaysHowToOverride() throws IOException {
        Path mirror = Files.createDirectories(temp.resolve("mirror"));
        Files.write(mirror.resolve("tiny.onnx"), "other bytes".getBytes(StandardCharsets.UTF_8));
        ModelStore store = new ModelStore(Optional.of(mirror), temp.resolve("cache"), true);

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store.resolve(remote("tiny.onnx", CONTENT_SHA)));
        assertTrue(e.getMessage().contains("test.model.sha256="), e.getMessage());
        assertTrue(e.getMessage().contains(mirror.resolve("tiny.onnx").toString()), e.getMessage());
    }

    @Test
    void offlineStoreNamesTheFileTheUrlAndTheFolders() {
        Path cache = temp.resolve("cache");
        ModelStore store = new ModelStore(Optional.of(temp.resolve("mirror")), cache, true);
        RemoteFile file = remote("tiny.onnx", CONTENT_SHA);

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> store.resolve(file));
        assertTrue(e.getMessage().contains("tiny.onnx"));
        assertTrue(e.getMessage().contains(file.url().toString()));
        assertTrue(e.getMessage().contains(cache.toString()));
        assertTrue(e.getMessage().contains("LANTERN_MODELS_DIR"));
        assertEquals(0, downloads.get());
    }

    @Test
    void failedDownloadIsReportedAndLeavesNothing() throws IOException {
        Path cache = temp.resolve("cache");
        ModelStore store = new ModelStore(Optional.empty(), cache, false);

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store.resolve(remote("missing.onnx", CONTENT_SHA)));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("missing.onnx")));
    }

    @Test
    void fileNameComesFromTheUrlPath() {
        assertEquals("mobilenetv2-12-int8.onnx", RemoteFile.of(
                "https://huggingface.co/onnxmodelzoo/mobilenetv2-12-int8/resolve/main/mobilenetv2-12-int8.onnx", "", "k")
                .fileName());
        assertThrows(IllegalArgumentException.class, () -> RemoteFile.of("https://x.org/a.onnx", "abc", "k"));
    }
}
