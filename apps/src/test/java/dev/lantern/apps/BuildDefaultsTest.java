package dev.lantern.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.bench.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** README's first command is quick and shows progress: a plain build makes no edge archives; -Pedge does. */
class BuildDefaultsTest {

    private static final Path ROOT = RepositoryRoot.find();

    @Test
    void aPlainBuildSkipsTheEdgeArchivesAndTheEdgeProfileMakesThem() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertEquals("true", xpath.evaluate("/project/properties/edge.skip", pom));
        assertEquals("false", xpath.evaluate("/project/profiles/profile[id='edge']/properties/edge.skip", pom));
    }

    @Test
    void readmesRunCommandLetsMavenShowProgressAndNamesTheSwitchForTheArchives() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String run = readme.lines().filter(l -> l.contains("java -jar apps/target/quarkus-app/quarkus-run.jar"))
                .findFirst().orElseThrow();
        assertEquals("./mvnw install -DskipTests && java -jar apps/target/quarkus-app/quarkus-run.jar", run);
        assertFalse(run.contains(" -q"), run);
        assertTrue(readme.contains("`-Pedge`"), "README names the switch that builds the edge archives");
        assertTrue(Files.readString(ROOT.resolve(".ci/run")).contains("./mvnw verify -Pedge"),
                "CI still builds and tests the archives");
    }
}
