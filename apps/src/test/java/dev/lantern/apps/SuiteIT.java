package dev.lantern.apps;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The suite's tests against apps/target/quarkus-app/quarkus-run.jar, started as a user would start it. */
@QuarkusIntegrationTest
class SuiteIT extends SuiteTest {}
