package dev.lantern.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.TestDocuments;
import dev.lantern.shared.testing.bench.PackagedApp;
import dev.lantern.shared.testing.bench.RepositoryRoot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md stays true: its curl examples, run as a reader runs them against the packaged suite started with the
 * README's own command, answer what the README shows. Read from README.md itself at each run, so the next change
 * that makes an example wrong fails here.
 *
 * <ul>
 *   <li>A {@code bash} block's {@code curl} commands against {@code localhost:8080} run in a folder holding the files
 *       they name ({@code cat.jpg}: the page's cat example; {@code photo.jpg}: the mouse test photo; ...). The
 *       {@code json} block right after is the first command's answer; the others must answer JSON too.
 *   <li>Shape: every key the README shows is in the answer, and every array has at least the items shown ({@code
 *       ...} elides the rest). Values: text and whole numbers exactly (box pixels within 2); other numbers within
 *       0.02 or 2 %, whichever is larger; timings (keys in {@code timings}, names ending in {@code Ms}) and request
 *       ids only by their presence.
 *   <li>A transcript ({@code $ curl -sI ...} then the answer) must give the same status line and headers, with the
 *       same values except those that change at every call (date, last-modified, X-Request-Id).
 *   <li>The confidence paragraph's quoted translations ({@code "..." → "...", 0.02}) come out as quoted, with the
 *       same tolerance.
 * </ul>
 *
 * The examples against another start command (the keyed classifier on port 8081) are left to the security tests.
 */
class ReadmeExamplesIT {

    private static final Path ROOT = RepositoryRoot.find();
    private static final Path README = ROOT.resolve("README.md");
    private static final String RUN_COMMAND = "java -jar apps/target/quarkus-app/quarkus-run.jar";
    private static final Set<String> CHANGING_HEADERS = Set.of("date", "last-modified", "x-request-id", "etag");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A download example says what it saves: {@code curl ... -OJ URL    # saves letter.de.docx}. */
    private static final Pattern SAVES = Pattern.compile("#\\s*saves\\s+(\\S+)");

    @TempDir
    static Path temp;

    private static PackagedApp suite;
    private static Path files;
    private static int port;

    @BeforeAll
    static void startTheSuiteAsReadmeSays() throws Exception {
        String readme = Files.readString(README);
        assertTrue(readme.contains("./mvnw install -DskipTests && " + RUN_COMMAND), "README's run command changed");
        port = freePort();
        // README's command, with DJL kept offline (as everywhere) and a port of the test's own; no QUARKUS_HTTP_HOST
        suite = PackagedApp.start(new PackagedApp.Launch(ROOT.resolve("apps/target/quarkus-app/quarkus-run.jar"),
                port, ROOT.resolve("target/djl-cache"), temp.resolve("suite.log"), "/q/health/ready",
                PackagedApp.healthReady("the suite"),
                Map.of("LANTERN_MODELS_DIR", TestData.models().toString(),
                        "LANTERN_MODELS_CACHE", temp.resolve("models").toString()), List.of()),
                HttpClient.newHttpClient());
        files = Files.createDirectories(temp.resolve("files"));
        Files.copy(ROOT.resolve("web-ui/src/main/resources/META-INF/resources/ui/examples/cat.jpg"),
                files.resolve("cat.jpg"));
        Files.copy(TestData.images().resolve("n03793489_mouse.JPEG"), files.resolve("photo.jpg"));
        Files.copy(TestData.images().resolve("n01443537_goldfish.JPEG"), files.resolve("goldfish.jpg"));
        Files.copy(TestData.images().resolve("n01443537_goldfish.JPEG"), files.resolve("a.jpg"));
        BufferedImage basenji = ImageIO.read(TestData.images().resolve("n02110806_basenji.JPEG").toFile());
        ImageIO.write(basenji, "png", files.resolve("b.png").toFile());
        Files.copy(TestData.texts().resolve("article-1.txt"), files.resolve("article.txt"));
        // the documents of the Documents examples: a report as PDF (a news article, in ASCII lines the standard
        // fonts can show) and a short letter as .docx
        String article = Files.readString(TestData.texts().resolve("article-2.txt")).replaceAll("[^\\x20-\\x7e]", " ");
        List<String> lines = new ArrayList<>();
        for (String line : article.replaceAll("\\s+", " ").strip().split("(?<=\\G.{90})")) {
            lines.add(line);
        }
        Files.write(files.resolve("report.pdf"), TestDocuments.pdf(1, lines.subList(0, Math.min(45, lines.size()))));
        Files.write(files.resolve("letter.docx"), TestDocuments.docx(List.of("Dear Anna,",
                "Thank you for your letter.", "We will arrive on Friday evening.", "Best wishes, Tom")));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    /** README's command listens on this machine only, and says so in one line at start. */
    @Test
    void theSuiteListensOnLoopbackOnly() throws IOException {
        String log = Files.readString(suite.logFile());
        assertTrue(log.contains("Lantern listens on http://127.0.0.1:" + port + "/: this machine only"), log);
        assertFalse(log.contains("The APIs are open to every machine"), log);
        for (InetAddress address : Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 1000);
                throw new AssertionError("the suite answers on " + address + ":" + port);
            } catch (IOException refused) {
                // as it should: nothing listens there
            }
        }
    }

    @Test
    void everyCurlExampleAnswersAsShown() throws Exception {
        List<String> problems = new ArrayList<>();
        int run = 0;
        for (Example example : examples(Files.readString(README))) {
            String answer = curl(example.command());
            run++;
            Matcher saves = SAVES.matcher(example.command());
            if (saves.find()) { // a download: the file it names must be there
                Path saved = files.resolve(saves.group(1));
                if (!Files.isRegularFile(saved) || Files.size(saved) == 0) {
                    problems.add(example.command() + " saved no " + saves.group(1));
                }
            } else if (example.expected() == null) {
                try {
                    JsonNode json = JSON.readTree(answer);
                    if (json.has("error")) {
                        problems.add(example.command() + " answered an error: " + answer);
                    }
                } catch (IOException e) {
                    problems.add(example.command() + " answered no JSON: " + answer);
                }
            } else if (example.transcript()) {
                compareHeaders(example, answer, problems);
            } else {
                compare(JSON.readTree(lenient(example.expected())), JSON.readTree(answer), example.command(), "",
                        problems);
            }
        }
        assertTrue(run >= 9, "only " + run + " curl examples were found in README.md");
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void theQuotedTranslationsAndTheirConfidenceAreTrue() throws Exception {
        String readme = Files.readString(README);
        String paragraph = readme.substring(readme.indexOf("**Confidence**"), readme.indexOf("**No loops**"))
                .replaceAll("\\s+", " "); // a quotation may run over a line break
        Matcher quoted = Pattern.compile("\"([^\"]+)\" → \"([^\"]+)\"[^0-9\"]{0,40}?(0\\.\\d+)").matcher(paragraph);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        HttpClient client = HttpClient.newHttpClient();
        while (quoted.find()) {
            checked++;
            ObjectNode request = JSON.createObjectNode().put("text", quoted.group(1)).put("source", "en")
                    .put("target", "de");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/api/translate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            double confidence = Double.parseDouble(quoted.group(3));
            if (!quoted.group(2).equals(answer.path("translation").asText())
                    || !close(confidence, answer.path("confidence").asDouble())) {
                problems.add("\"" + quoted.group(1) + "\": README says \"" + quoted.group(2) + "\", " + confidence
                        + "; the suite says \"" + answer.path("translation").asText() + "\", "
                        + answer.path("confidence").asDouble());
            }
        }
        assertTrue(checked >= 3, "only " + checked + " quoted translations found");
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** The models table gives each file's full sha256, the one the mirror's copy has. */
    @Test
    void theModelsTableHasTheMirrorsChecksums() throws IOException {
        Path sums = TestData.models().resolve("SHA256SUMS");
        String readme = Files.readString(README);
        Matcher row = Pattern.compile("\\| \\w+ \\| `([^`]+)` \\| (https://\\S+) \\| `([0-9a-f]{64})` \\|")
                .matcher(readme);
        int rows = 0;
        while (row.find()) {
            rows++;
            if (Files.isRegularFile(sums)) {
                assertTrue(Files.readString(sums).contains(row.group(3) + "  " + row.group(1)),
                        row.group(1) + " " + row.group(3) + " is not in " + sums);
            }
        }
        assertEquals(3, rows, "the classifier's two files and the captioner's detector");
    }

    /** A curl example: the command (continuation lines joined) and the answer shown after it, if any. */
    record Example(String command, String expected, boolean transcript) {}

    static List<Example> examples(String readme) {
        List<Example> examples = new ArrayList<>();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```bash")) {
                continue;
            }
            int end = i + 1;
            while (!lines.get(end).equals("```")) {
                end++;
            }
            List<String> block = joinContinuations(lines.subList(i + 1, end));
            boolean transcript = block.stream().anyMatch(l -> l.startsWith("$ "));
            if (transcript) {
                for (int k = 0; k < block.size(); k++) {
                    if (block.get(k).startsWith("$ curl") && block.get(k).contains("localhost:8080")) {
                        StringBuilder output = new StringBuilder();
                        for (int o = k + 1; o < block.size() && !block.get(o).startsWith("$ "); o++) {
                            output.append(block.get(o)).append('\n');
                        }
                        examples.add(new Example(block.get(k).substring(2), output.toString(), true));
                    }
                }
            } else {
                List<String> commands = block.stream()
                        .filter(l -> l.startsWith("curl ") && l.contains("localhost:8080")).toList();
                String expected = jsonBlockAfter(lines, end);
                for (int k = 0; k < commands.size(); k++) {
                    examples.add(new Example(commands.get(k), k == 0 ? expected : null, false));
                }
            }
            i = end;
        }
        return examples;
    }

    private static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String part = line.strip();
            if (part.endsWith("\\")) {
                current.append(part, 0, part.length() - 1).append(' ');
            } else {
                joined.add(current.append(part).toString());
                current.setLength(0);
            }
        }
        return joined;
    }

    /** The {@code json} block that follows the block ending at {@code end}, with at most a blank line between. */
    private static String jsonBlockAfter(List<String> lines, int end) {
        int start = end + 1;
        while (start < lines.size() && lines.get(start).isBlank() && start <= end + 2) {
            start++;
        }
        if (start >= lines.size() || !lines.get(start).equals("```json")) {
            return null;
        }
        StringBuilder json = new StringBuilder();
        for (int k = start + 1; !lines.get(k).equals("```"); k++) {
            json.append(lines.get(k)).append('\n');
        }
        return json.toString();
    }

    /** README's JSON with its elisions taken out: {@code , ...} and {@code {...same as above...}}. */
    static String lenient(String json) {
        return json.replaceAll("\\{\\.\\.\\.[^}]*\\.\\.\\.}", "{}").replaceAll(",\\s*\\.\\.\\.", "");
    }

    private static String curl(String command) throws IOException, InterruptedException {
        String local = command.replace("http://localhost:8080", "http://127.0.0.1:" + port);
        Process process = new ProcessBuilder("bash", "-c", local).directory(files.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), command);
        assertEquals(0, process.exitValue(), command + " failed");
        return out;
    }

    private static void compare(JsonNode expected, JsonNode actual, String command, String path,
            List<String> problems) {
        String where = command + " at " + (path.isEmpty() ? "the top" : path);
        if (expected.isObject()) {
            if (!actual.isObject()) {
                problems.add(where + ": README shows an object, the answer has " + actual);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!actual.has(field.getKey())) {
                    problems.add(where + ": the answer has no '" + field.getKey() + "' (" + actual + ")");
                } else {
                    compare(field.getValue(), actual.get(field.getKey()), command, path + "/" + field.getKey(),
                            problems);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() < expected.size()) {
                problems.add(where + ": README shows " + expected.size() + " items, the answer has " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), command, path + "/" + i, problems);
            }
        } else if (path.contains("/timings/") || path.endsWith("Ms") || path.endsWith("requestId")) {
            if (actual.isMissingNode() || actual.isNull()) {
                problems.add(where + ": missing");
            }
        } else if (expected.isIntegralNumber()) {
            int slack = path.contains("/box/") ? 2 : 0; // box pixels: rounding may differ by a pixel or two
            if (!actual.isNumber() || Math.abs(expected.asDouble() - actual.asDouble()) > slack) {
                problems.add(where + ": README says " + expected + ", the answer " + actual);
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || !close(expected.asDouble(), actual.asDouble())) {
                problems.add(where + ": README says " + expected + ", the answer " + actual);
            }
        } else if (!expected.equals(actual)) {
            problems.add(where + ": README says " + expected + ", the answer " + actual);
        }
    }

    private static void compareHeaders(Example example, String answer, List<String> problems) {
        List<String> shown = example.expected().lines().filter(l -> !l.isBlank()).toList();
        List<String> got = answer.lines().map(String::strip).filter(l -> !l.isBlank()).toList();
        if (got.isEmpty() || !got.get(0).equals(shown.get(0))) {
            problems.add(example.command() + ": README says " + shown.get(0) + ", the answer " + got);
            return;
        }
        for (String line : shown.subList(1, shown.size())) {
            String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
            String match = got.stream().filter(g -> g.toLowerCase(Locale.ROOT).startsWith(name + ":")).findFirst()
                    .orElse(null);
            if (match == null) {
                problems.add(example.command() + ": no header " + name);
            } else if (!CHANGING_HEADERS.contains(name) && !match.equals(line)) {
                problems.add(example.command() + ": README says '" + line + "', the answer '" + match + "'");
            }
        }
    }

    /** The stated tolerance: 0.02 or 2 %, whichever is larger. */
    private static boolean close(double expected, double actual) {
        return Math.abs(expected - actual) <= Math.max(0.02, 0.02 * Math.abs(expected));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
