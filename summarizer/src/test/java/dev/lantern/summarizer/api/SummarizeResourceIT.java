package dev.lantern.summarizer.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The API tests again, against the summarizer's own packaged app as an edge box runs it: summarizer/target/quarkus-app/
 * quarkus-run.jar, or the native executable that {@code -Pnative} built.
 */
@QuarkusIntegrationTest
class SummarizeResourceIT extends SummarizeResourceTest {}
