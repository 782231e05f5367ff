package dev.lantern.classifier;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The API tests again, against the classifier's own packaged app as an edge box runs it: classifier/target/quarkus-app/
 * quarkus-run.jar, or the native executable that {@code -Pnative} built.
 */
@QuarkusIntegrationTest
class ClassifyResourceIT extends ClassifyResourceTest {}
