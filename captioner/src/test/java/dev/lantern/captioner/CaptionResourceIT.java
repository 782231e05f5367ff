package dev.lantern.captioner;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The API tests again, against captioner/target/quarkus-app/quarkus-run.jar: the captioner's own app,
 * as an edge box runs it.
 */
@QuarkusIntegrationTest
class CaptionResourceIT extends CaptionResourceTest {}
