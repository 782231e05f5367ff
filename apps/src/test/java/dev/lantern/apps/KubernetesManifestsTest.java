package dev.lantern.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.captioner.CaptionerConfig;
import dev.lantern.classifier.ClassifierConfig;
import dev.lantern.shared.runtime.LanternConfig;
import dev.lantern.shared.testing.bench.RepositoryRoot;
import dev.lantern.summarizer.SummarizerConfig;
import dev.lantern.translator.TranslatorConfig;
import dev.lantern.web.security.SecurityConfig;
import dev.lantern.web.suite.WebConfig;
import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes cannot be applied here, so this reads it and holds it to the apps it runs: each Deployment's port
 * is its app's {@code quarkus.http.port}, its probes are the health paths the app serves, its memory covers the RSS
 * measured in README "Edge", its grace period covers {@code quarkus.shutdown.timeout}, every environment variable names
 * a real setting, and what it refers to (Secret, ConfigMap, volumes, Service, autoscaler) exists.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = RepositoryRoot.find();
    private static final Path MANIFESTS = ROOT.resolve("deploy/kubernetes");
    /** Settings the edge launcher reads itself, not the app's configuration. */
    private static final Set<String> LAUNCHER_ENV = Set.of("JAVA_OPTS", "LANTERN_CLASS_DATA_CACHE", "MALLOC_ARENA_MAX");
    private static final List<Class<?>> CONFIG_MAPPINGS = List.of(LanternConfig.class, WebConfig.class,
            SecurityConfig.class, ClassifierConfig.class, CaptionerConfig.class, SummarizerConfig.class,
            TranslatorConfig.class);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"suite, apps", "classifier, classifier", "captioner, captioner", "summarizer, summarizer",
            "translator, translator"})
    void eachAppsDeploymentMatchesTheAppItRuns(String name, String module) throws IOException {
        List<Map<String, Object>> documents = documents();
        Map<String, Object> deployment = find(documents, "Deployment", "lantern-" + name);
        Map<String, Object> podSpec = map(map(map(deployment, "spec"), "template"), "spec");
        Map<String, Object> container = only(list(podSpec, "containers"));

        int port = Integer.parseInt(properties(ROOT.resolve(module + "/src/main/resources/application.properties"))
                .getProperty("quarkus.http.port"));
        Map<String, Object> http = only(list(container, "ports"));
        assertEquals("http", http.get("name"));
        assertEquals(port, http.get("containerPort"), "the app's quarkus.http.port");
        assertEquals("/q/health/ready", probePath(container, "readinessProbe", "http"));
        assertEquals("/q/health/live", probePath(container, "livenessProbe", "http"));
        assertEquals("/q/health/started", probePath(container, "startupProbe", "http"));

        // drain: preStop, then quarkus.shutdown.timeout for the requests in flight, then a few seconds to close
        long preStop = Long.parseLong(String.valueOf(
                list(map(map(map(container, "lifecycle"), "preStop"), "exec"), "command").get(1)));
        Duration shutdown = Duration.parse("PT" + properties(ROOT.resolve(
                "web-ui/src/main/resources/META-INF/microprofile-config.properties"))
                .getProperty("quarkus.shutdown.timeout").toUpperCase(Locale.ROOT));
        long grace = ((Number) podSpec.get("terminationGracePeriodSeconds")).longValue();
        assertTrue(grace >= preStop + shutdown.toSeconds() + 5,
                "terminationGracePeriodSeconds " + grace + " < " + preStop + " + " + shutdown.toSeconds() + " + 5");

        Map<String, Object> resources = map(container, "resources");
        int requested = mebibytes(map(resources, "requests").get("memory"));
        int limit = mebibytes(map(resources, "limits").get("memory"));
        int measured = measuredRss(name);
        assertTrue(requested * 1.048576 >= measured * 1.1, requested + "Mi requested for " + measured + " MB measured");
        assertTrue(limit >= requested, "limit " + limit + "Mi under the request");
        assertNotNull(map(resources, "requests").get("cpu"), "a CPU request, which the autoscaler measures against");

        Set<String> settings = settingsAsEnvironment(module);
        for (Object entry : list(container, "env")) {
            String variable = (String) ((Map<?, ?>) entry).get("name");
            assertTrue(settings.contains(variable) || LAUNCHER_ENV.contains(variable),
                    variable + " names no setting of " + module);
        }
        checkReferences(documents, podSpec, container);

        Map<String, Object> service = find(documents, "Service", "lantern-" + name);
        assertEquals(map(map(map(deployment, "spec"), "selector"), "matchLabels"),
                map(map(service, "spec"), "selector"));
        assertEquals("http", only(list(map(service, "spec"), "ports")).get("targetPort"));
    }

    @Test
    void theAutoscalerScalesTheSuiteOnCpuAndNamesTheMetricsThatTellMore() throws IOException {
        List<Map<String, Object>> documents = documents();
        Map<String, Object> autoscaler = find(documents, "HorizontalPodAutoscaler", "lantern-suite");
        Map<String, Object> target = map(map(autoscaler, "spec"), "scaleTargetRef");
        find(documents, (String) target.get("kind"), (String) target.get("name"));
        Map<String, Object> metric = only(list(map(autoscaler, "spec"), "metrics"));
        assertEquals("cpu", map(metric, "resource").get("name"));
        String text = Files.readString(MANIFESTS.resolve("suite-hpa.yaml"));
        // the metrics that tell more than CPU are named, as /q/metrics calls them
        assertTrue(text.contains("lantern_queue_depth") && text.contains("http_server_requests_seconds_bucket"), text);
    }

    /** Secrets, ConfigMaps, volumes and the Redis the rate limit points at all exist. */
    private static void checkReferences(List<Map<String, Object>> documents, Map<String, Object> podSpec,
            Map<String, Object> container) {
        Set<String> volumes = new HashSet<>();
        for (Object volume : list(podSpec, "volumes")) {
            Map<String, Object> declared = cast(volume);
            volumes.add((String) declared.get("name"));
            if (declared.containsKey("secret")) {
                find(documents, "Secret", (String) map(declared, "secret").get("secretName"));
            }
        }
        for (Object mount : list(container, "volumeMounts")) {
            assertTrue(volumes.contains(cast(mount).get("name")), "mount of an undeclared volume: " + mount);
        }
        for (Object entry : list(container, "env")) {
            Map<String, Object> variable = cast(entry);
            if (variable.get("name").equals("LANTERN_SECURITY_API_KEYS_FILE")) {
                Path file = Path.of((String) variable.get("value"));
                Map<String, Object> mount = cast(list(container, "volumeMounts").stream()
                        .filter(m -> file.getParent().equals(Path.of((String) cast(m).get("mountPath")))).findFirst()
                        .orElseThrow(() -> new AssertionError("no volume mounted at " + file.getParent())));
                String secretName = (String) map(cast(list(podSpec, "volumes").stream()
                        .filter(v -> cast(v).get("name").equals(mount.get("name"))).findFirst().orElseThrow()),
                        "secret").get("secretName");
                assertTrue(map(find(documents, "Secret", secretName), "stringData")
                        .containsKey(file.getFileName().toString()), "the Secret has no " + file.getFileName());
            }
            if (variable.containsKey("valueFrom")) {
                Map<String, Object> ref = map(map(variable, "valueFrom"), "configMapKeyRef");
                String url = (String) map(find(documents, "ConfigMap", (String) ref.get("name")), "data")
                        .get(ref.get("key"));
                Matcher redis = Pattern.compile("redis://([^:/]+):(\\d+)").matcher(url);
                assertTrue(redis.matches(), url);
                Map<String, Object> service = find(documents, "Service", redis.group(1));
                assertEquals(Integer.parseInt(redis.group(2)), only(list(map(service, "spec"), "ports")).get("port"));
            }
        }
    }

    /**
     * Every setting of the app's configuration mappings and its application.properties, in environment-variable form
     * (SmallRye's rule: upper case, every other character an underscore), plus the Quarkus settings the README
     * documents, as keys or as environment variables.
     */
    private static Set<String> settingsAsEnvironment(String module) throws IOException {
        Set<String> names = new HashSet<>();
        for (Class<?> mapping : CONFIG_MAPPINGS) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, names);
        }
        for (String name : properties(ROOT.resolve(module + "/src/main/resources/application.properties"))
                .stringPropertyNames()) {
            names.add(name.replaceFirst("^%[a-z-]+\\.", "")); // %test.quarkus.http.host sets quarkus.http.host
        }
        Matcher documented = Pattern.compile("`(quarkus\\.[a-z0-9.-]+|QUARKUS_[A-Z0-9_]+)").matcher(Files.readString(
                ROOT.resolve("README.md")));
        while (documented.find()) {
            names.add(documented.group(1));
        }
        Set<String> environment = new HashSet<>();
        for (String name : names) {
            environment.add(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return environment;
    }

    private static void collect(String prefix, Class<?> mapping, Set<String> names) {
        for (Method method : mapping.getMethods()) {
            if (method.isDefault() || method.getParameterCount() > 0) {
                continue;
            }
            String name = prefix + "."
                    + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith("dev.lantern")) {
                collect(name, type, names);
            } else {
                names.add(name);
            }
        }
    }

    /** The RSS after load in README "Edge" (MB), the larger of its JDK 25 and JDK 17 figures. */
    private static int measuredRss(String name) throws IOException {
        Pattern figures = Pattern.compile("\\| (\\d[\\d,]*) / (\\d[\\d,]*); (\\d[\\d,]*) / (\\d[\\d,]*) \\|");
        Matcher rss = Files.readAllLines(ROOT.resolve("README.md")).stream()
                .filter(line -> line.startsWith("| " + name + " ")).map(figures::matcher).filter(Matcher::find)
                .findFirst().orElseThrow(() -> new AssertionError("README's Edge table has no row for " + name));
        return Math.max(Integer.parseInt(rss.group(2).replace(",", "")), Integer.parseInt(rss.group(4)
                .replace(",", "")));
    }

    private static int mebibytes(Object quantity) {
        String text = String.valueOf(quantity);
        assertTrue(text.endsWith("Mi"), text);
        return Integer.parseInt(text.substring(0, text.length() - 2));
    }

    private static String probePath(Map<String, Object> container, String probe, String port) {
        Map<String, Object> get = map(map(container, probe), "httpGet");
        assertEquals(port, get.get("port"), probe);
        return (String) get.get("path");
    }

    private static List<Map<String, Object>> documents() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object document : new Yaml().loadAll(reader)) {
                        documents.add(cast(document));
                    }
                }
            }
        }
        assertFalse(documents.isEmpty());
        return documents;
    }

    private static Map<String, Object> find(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(map(d, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + MANIFESTS));
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " is missing in " + parent.keySet());
        return cast(value);
    }

    private static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, key + " is missing in " + parent.keySet());
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) value;
        return items;
    }

    private static Map<String, Object> only(List<Object> items) {
        assertEquals(1, items.size(), items.toString());
        return cast(items.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
