package io.konvoqa.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's command line: {@code [--sessions 10000,100000] [--concurrency 1,4,8,16]
 * [--latency-ms 50] [--simulator-heap 3g] [--no-judge] [--churn 1,10,100] [--store [--client-heap 512m]]}. With {@code --churn}
 * it measures sessions lost to a window that moves while it is paged instead.
 */
record Options(List<Integer> sessions, List<Integer> concurrency, int latencyMs,
    String simulatorHeap, boolean judge, List<Integer> churn, boolean store, String clientHeap) {

  static final String USAGE = "usage: java -Xmx1g -jar konvo-qa.jar bench [--sessions 10000,100000]"
      + " [--concurrency 1,4,8,16] [--latency-ms 50] [--simulator-heap 3g] [--no-judge]"
      + " [--churn 1,10,100 (updates a second: measures sessions lost to churn instead)]"
      + " [--store (the local session store's first run and its next after 1% changed, at the largest --sessions"
      + " and --concurrency; each run in a child JVM with --client-heap, default 512m)] [--client-heap 512m]";

  static Options parse(String[] args) {
    List<Integer> sessions = List.of(10_000, 100_000);
    List<Integer> concurrency = List.of(1, 4, 8, 16);
    int latency = 50;
    String heap = "3g";
    boolean judge = true;
    List<Integer> churn = List.of();
    boolean store = false;
    String clientHeap = "512m";
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--store")) {
        store = true;
        continue;
      }
      if (name.equals("--no-judge")) {
        judge = false;
        continue;
      }
      if (i + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value; " + USAGE);
      String value = args[++i];
      switch (name) {
        case "--sessions" -> sessions = list(name, value, 1, 10_000_000);
        case "--concurrency" -> concurrency = list(name, value, 1, 64);
        case "--latency-ms" -> latency = number(name, value, 0, 60_000);
        case "--simulator-heap" -> heap = value;
        case "--client-heap" -> clientHeap = value;
        case "--churn" -> churn = list(name, value, 1, 100_000);
        default -> throw new IllegalArgumentException("unknown option '" + name + "'; " + USAGE);
      }
    }
    return new Options(sessions, concurrency, latency, heap, judge, churn, store, clientHeap);
  }

  private static List<Integer> list(String name, String commaList, int min, int max) {
    List<Integer> values = new ArrayList<>();
    for (String part : Arrays.stream(commaList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      values.add(number(name, part, min, max));
    }
    if (values.isEmpty()) throw new IllegalArgumentException(name + " needs a comma list, e.g. 1,4,8");
    return List.copyOf(values);
  }

  private static int number(String name, String text, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number but was '" + text + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + " but was " + value);
    }
    return value;
  }
}
