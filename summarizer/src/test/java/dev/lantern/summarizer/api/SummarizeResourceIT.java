package dev.lantern.summarizer.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The API tests again, against summarizer/target/quarkus-app/quarkus-run.jar: the summarizer's own app,
 * as an edge box runs it.
 */
@QuarkusIntegrationTest
class SummarizeResourceIT extends SummarizeResourceTest {}
