package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.EdgeDistribution;
import dev.lantern.shared.testing.TestData;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier's edge distribution (the JVM archive, or the native one after {@code -Pnative}), run by its launcher:
 * it serves, and writes nothing outside its folder.
 */
class EdgeDistributionIT {

    @TempDir
    Path temp;

    @Test
    void classifiesFromItsOwnFolderAndLeavesTheHomeFolderEmpty() throws Exception {
        EdgeDistribution.Footprint run = EdgeDistribution.run("classifier", temp, (app, client) -> {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(app.base().resolve("/api/classify"))
                    .header("Content-Type", "image/jpeg")
                    .POST(HttpRequest.BodyPublishers.ofFile(TestData.images().resolve("n01443537_goldfish.JPEG")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"label\":\"goldfish\""), answer.body());
        });
        // ONNX Runtime's library left its jar at build time, so no start unpacks it, here or in the temporary folder
        String onnxRuntime = EdgeDistribution.nativeBuild() ? "libonnxruntime.so" : "onnxruntime/libonnxruntime.so";
        assertTrue(run.nativesBefore().contains(onnxRuntime), run.nativesBefore().toString());
        assertEquals(run.nativesBefore(), run.nativesAfter());
        assertEquals(List.of(), run.homeEntries());
        assertEquals(List.of(), run.tempFiles());
        if (!EdgeDistribution.nativeBuild()) {
            // the first run recorded the JVM's class-data cache as it stopped, for the next start
            assertFalse(run.classDataCache().isEmpty());
        }
    }

    /**
     * ONNX Runtime releases its native environment in a JVM shutdown hook, which ran beside the first full batch just
     * after readiness and crashed the JVM (3 of 4 such stops before the fix).
     */
    @Test
    void sigtermTheMomentItIsReadyClosesTheModelAndExitsWithoutACrash() throws Exception {
        List<EdgeDistribution.Stop> stops = EdgeDistribution.stopEachTheMomentItIsReady("classifier", temp, 3);
        for (EdgeDistribution.Stop stop : stops) {
            assertEquals(List.of(), stop.crashReports(), stop.log());
            assertEquals(143, stop.exitValue(), stop.log());
            assertTrue(stop.log().contains("The classifier model is closed."), stop.log());
        }
    }
}
