package io.konvoqa.steps;

import io.cucumber.java.ParameterType;
import io.konvoqa.gate.Durations;
import io.konvoqa.gate.Percent;
import java.time.Duration;

/**
 * {@code {percent}} ("15%", "12.5%") and {@code {duration}} ("90 seconds", "7 days"). The patterns
 * accept near misses such as "15 percent" on purpose, so that they reach the parser and get a
 * message saying how to write them instead of an "undefined step".
 */
public final class ParameterTypes {
  @ParameterType(name = "percent", value = "\\S+(?: percent| per cent| pct)?")
  public Double percent(String text) {
    return Percent.parse(text);
  }

  @ParameterType(name = "duration", value = "\\d+ ?[A-Za-z]+|\\S+")
  public Duration duration(String text) {
    return Durations.parse(text);
  }
}
