package io.konvoqa.snapshot;

import java.util.ArrayList;
import java.util.List;

/** "--name value" options and flags of one command; anything left over is a usage error. */
final class Options {
  private final List<String> remaining;

  Options(List<String> args) {
    this.remaining = new ArrayList<>(args);
  }

  String value(String name) {
    int i = remaining.indexOf(name);
    if (i < 0) return null;
    if (i + 1 >= remaining.size() || remaining.get(i + 1).startsWith("--")) {
      throw new UsageException(name + " needs a value");
    }
    String value = remaining.get(i + 1);
    remaining.subList(i, i + 2).clear();
    return value;
  }

  boolean flag(String name) {
    return remaining.remove(name);
  }

  /** The one argument left that is not an option, or a usage error naming what was found. */
  String positional(String what) {
    List<String> plain = remaining.stream().filter(a -> !a.startsWith("--")).toList();
    if (plain.size() != 1) {
      throw new UsageException("expected one " + what + " but got " + (plain.isEmpty() ? "none" : plain));
    }
    remaining.remove(plain.get(0));
    return plain.get(0);
  }

  void done() {
    if (!remaining.isEmpty()) throw new UsageException("unknown option(s) " + remaining);
  }

  /** A command line that cannot be right: the message says what to write instead. */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }
}
