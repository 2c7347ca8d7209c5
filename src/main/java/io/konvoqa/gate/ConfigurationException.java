package io.konvoqa.gate;

/** A feature or setting that asks for something that cannot be right: the message says the fix. */
public final class ConfigurationException extends IllegalArgumentException {
  public ConfigurationException(String message) {
    super(message);
  }
}
