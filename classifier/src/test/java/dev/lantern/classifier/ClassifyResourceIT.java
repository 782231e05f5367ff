package dev.lantern.classifier;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The API tests again, against classifier/target/quarkus-app/quarkus-run.jar: the classifier's own app,
 * as an edge box runs it.
 */
@QuarkusIntegrationTest
class ClassifyResourceIT extends ClassifyResourceTest {}
