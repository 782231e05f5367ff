package dev.lantern.captioner;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The API tests again, against the captioner's own packaged app as an edge box runs it: captioner/target/quarkus-app/
 * quarkus-run.jar, or the native executable that {@code -Pnative} built.
 */
@QuarkusIntegrationTest
class CaptionResourceIT extends CaptionResourceTest {}
