package dev.lantern.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.EdgeDistribution;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translator's edge distribution, run by its launcher: PyTorch's 440 MB of libraries were unpacked at build time,
 * so a start unpacks nothing, into the home folder or anywhere else.
 */
class EdgeDistributionIT {

    @TempDir
    Path temp;

    @Test
    void translatesWithTheNativesItShipsAndLeavesTheHomeFolderEmpty() throws Exception {
        EdgeDistribution.Footprint run = EdgeDistribution.run("translator", temp, (app, client) -> {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(app.base().resolve("/api/translate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Two dogs are playing in the snow.\","
                            + " \"source\": \"en\", \"target\": \"de\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("Hunde"), answer.body());
        });
        List<String> natives = run.nativesBefore();
        assertTrue(natives.stream().anyMatch(f -> f.startsWith("pytorch/") && f.endsWith("libtorch_cpu.so")),
                natives.toString());
        assertEquals(run.nativesBefore(), run.nativesAfter());
        assertEquals(List.of(), run.homeEntries());
    }
}
