package io.konvoqa.run;

import io.konvoqa.gate.OnePass;
import io.konvoqa.session.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gates of a run, known before any is judged: {@link Planner} runs the features through
 * Cucumber once, and each gate step records its claim, window and sessions here instead of
 * judging. When the run proper asks for the first gate of a window, every planned gate of that
 * window is judged in one pass over it ({@link OnePass}); the others then find their verdicts.
 */
final class Plan {
  /**
   * A gate step as the plan run saw it.
   *
   * @param key where the step stands ({@link RunLog#currentStepKey})
   * @param selection the scenario's choices as written, to tell that the run proper chose the same
   */
  record Entry(String key, Window window, String selection, OnePass.Scenario scenario) {
    Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(selection, "selection");
      Objects.requireNonNull(scenario, "scenario");
    }

    /** True when the run proper's step judges what the plan run recorded. */
    boolean same(Window window, String selection, int minimumSample, String name) {
      return this.window.equals(window) && this.selection.equals(selection)
          && scenario.minimumSample() == minimumSample && scenario.name().equals(name);
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, OnePass.Judged> judged = new HashMap<>();
  private final Set<Window> read = new HashSet<>();

  void add(Entry entry) {
    entries.putIfAbsent(entry.key(), entry);
  }

  Entry entry(String key) {
    return entries.get(key);
  }

  int size() {
    return entries.size();
  }

  /** Whether the window's pass has been made. */
  boolean read(Window window) {
    return read.contains(window);
  }

  /** The planned gates of a window, in the order the plan run met them. */
  List<Entry> of(Window window) {
    List<Entry> of = new ArrayList<>();
    for (Entry e : entries.values()) if (e.window().equals(window)) of.add(e);
    return of;
  }

  /** The verdicts of a window's pass, {@code entries} and {@code verdicts} in the same order. */
  void judged(Window window, List<Entry> entries, List<OnePass.Judged> verdicts) {
    read.add(window);
    for (int i = 0; i < entries.size(); i++) judged.put(entries.get(i).key(), verdicts.get(i));
  }

  /** The verdict of the planned gate at {@code key}, once its window's pass has been made. */
  OnePass.Judged verdict(String key) {
    return judged.get(key);
  }
}
