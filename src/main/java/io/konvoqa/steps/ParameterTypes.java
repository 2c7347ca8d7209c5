package io.konvoqa.steps;

import io.cucumber.java.ParameterType;
import io.konvoqa.gate.Durations;
import io.konvoqa.gate.Percent;
import java.time.Duration;

/**
 * {@code {percent}} ("15%", "12.5%") and {@code {duration}} ("90 seconds", "7 days"). The patterns
 * accept near misses such as "15 percent" and "15 %" on purpose, so that they reach the parser and get a
 * message saying how to write them instead of an "undefined step".
 */
public final class ParameterTypes {
  @ParameterType(name = "percent", value = "\\S+(?: percent| per cent| pct| %)?")
  public Double percent(String text) {
    if (text.endsWith(" %")) { // the documented form has no space; say so instead of an "undefined step"
      throw new IllegalArgumentException("'" + text + "' is not a percentage: write it like 15% or 12.5%");
    }
    return Percent.parse(text);
  }

  @ParameterType(name = "duration", value = "\\d+ ?[A-Za-z]+|\\S+")
  public Duration duration(String text) {
    return Durations.parse(text);
  }
}
