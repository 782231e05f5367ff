package dev.lantern.translator.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The API tests against translator/target/quarkus-app/quarkus-run.jar, the translator's own app as an edge box runs
 * it; {@code TinyModels} passes its settings to the packaged app too.
 */
@QuarkusIntegrationTest
class TranslateResourceIT extends TranslateResourceTest {}
