package io.konvoqa.gates;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The gates of {@code features/}, run by {@code mvn -Pgate verify} (failsafe). Override with
 * {@code -Dcucumber.features=DIR} and {@code -Dcucumber.filter.tags=EXPR}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.konvoqa.steps")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
    value = "io.konvoqa.run.GateRunPlugin, io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm")
class GateSuite {}
