package io.konvoqa.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The "--name value" options, flags and one positional argument of a jar command; anything left
 * over is a usage error. Each command takes what it knows, then calls {@link #done()}.
 */
public final class CommandLine {
  private final List<String> remaining;

  public CommandLine(List<String> args) {
    this.remaining = new ArrayList<>(args);
  }

  /** The value after {@code name}, or null when the option is absent. */
  public String value(String name) {
    int i = remaining.indexOf(name);
    if (i < 0) return null;
    if (i + 1 >= remaining.size() || remaining.get(i + 1).startsWith("--")) {
      throw new UsageException(name + " needs a value");
    }
    String value = remaining.get(i + 1);
    remaining.subList(i, i + 2).clear();
    return value;
  }

  public String value(String name, String fallback) {
    String value = value(name);
    return value == null ? fallback : value;
  }

  public int intValue(String name, int fallback) {
    String text = value(name);
    if (text == null) return fallback;
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number but was '" + text + "'");
    }
  }

  public boolean flag(String name) {
    return remaining.remove(name);
  }

  /** The one argument left that is not an option, or a usage error naming what was found. */
  public String positional(String what) {
    List<String> plain = remaining.stream().filter(a -> !a.startsWith("--")).toList();
    if (plain.size() != 1) {
      throw new UsageException("expected one " + what + " but got " + (plain.isEmpty() ? "none" : plain));
    }
    remaining.remove(plain.get(0));
    return plain.get(0);
  }

  public void done() {
    if (!remaining.isEmpty()) throw new UsageException("unknown option(s) " + remaining);
  }

  /** A command line that cannot be right: the message says what to write instead. */
  public static final class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
      super(message);
    }
  }
}
