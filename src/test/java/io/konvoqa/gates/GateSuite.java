package io.konvoqa.gates;

import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The gates of {@code features/}, run by {@code mvn -Pgate verify} (failsafe). Override with
 * {@code -Dcucumber.features=DIR} and {@code -Dcucumber.filter.tags=EXPR}. Glue and plugins come
 * from {@code cucumber.properties}, as for {@code konvo-qa.jar run}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParametersResource("cucumber.properties")
class GateSuite {}
