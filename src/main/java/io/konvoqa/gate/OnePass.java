package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges every gate of a window in one pass over its sessions. Per session the shared work is done
 * once: which selections keep it (gates with the same {@link Selection} share it), and its
 * conversation, which all gates read. Each gate keeps counts and offenders, never sessions.
 * The verdicts are those each gate gives on its own sample ({@link Sample#judge}).
 */
public final class OnePass {
  private OnePass() {}

  /**
   * A gate of a scenario: the sessions its "only ..." steps choose, and its claim.
   *
   * @param name the claim as the feature states it: the verdict's name
   * @param minimumSample the scenario's own minimum sample, or 0 for the pass's
   */
  public record Scenario(String name, Selection selection, Gate gate, int minimumSample) {
    public Scenario {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(selection, "selection");
      Objects.requireNonNull(gate, "gate");
      if (minimumSample < 0) throw new IllegalArgumentException("minimumSample < 0: " + minimumSample);
    }

    /** With the pass's minimum sample. */
    public Scenario(String name, Selection selection, Gate gate) {
      this(name, selection, gate, 0);
    }
  }

  /**
   * A scenario's verdict, and whether it is a configuration error its selection or claim threw
   * (a misspelt channel, sub_intent_type or rubric) rather than one the gate judged.
   */
  public record Judged(Verdict verdict, boolean refused) {}

  /** As {@link #judge(Iterable, Completeness, int, Map, List)} for a window seen whole. */
  public static List<Verdict> judge(Iterable<Session> window, int minimumSample, Map<String, Role> roles,
      List<Scenario> scenarios) {
    return judge(window, Completeness.WHOLE, minimumSample, roles, scenarios);
  }

  /**
   * The verdict of each scenario, in their order. The window is read once, in its order, and not
   * kept: it may be a list, or sessions read one at a time from a store.
   *
   * @param completeness sessions of the window the run cannot be sure of (see {@link Sample})
   * @return a configuration error as the verdict of a scenario whose selection or claim names a
   *     misspelt channel or sub_intent_type (see {@link Selection}), as when judged alone
   */
  public static List<Verdict> judge(Iterable<Session> window, Completeness completeness, int minimumSample,
      Map<String, Role> roles, List<Scenario> scenarios) {
    return judgeEach(window, completeness, minimumSample, roles, scenarios).stream().map(Judged::verdict).toList();
  }

  /** As {@link #judge(Iterable, Completeness, int, Map, List)}, telling refused configurations apart. */
  public static List<Judged> judgeEach(Iterable<Session> window, Completeness completeness, int minimumSample,
      Map<String, Role> roles, List<Scenario> scenarios) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(completeness, "completeness");
    Objects.requireNonNull(roles, "roles");
    // gates share a funnel when they share a selection (the same object) and a minimum sample
    Map<Selection, Map<Integer, Integer>> index = new IdentityHashMap<>();
    List<Selection.Funnel> funnels = new ArrayList<>();
    int[] funnelOf = new int[scenarios.size()];
    Accumulator[] judging = new Accumulator[scenarios.size()];
    for (int g = 0; g < judging.length; g++) {
      Scenario scenario = scenarios.get(g);
      int minimum = scenario.minimumSample() > 0 ? scenario.minimumSample() : minimumSample;
      funnelOf[g] = index.computeIfAbsent(scenario.selection(), selection -> new HashMap<>())
          .computeIfAbsent(minimum, m -> {
            funnels.add(scenario.selection().funnel(completeness, m));
            return funnels.size() - 1;
          });
    }
    ConfigurationException[] refused = new ConfigurationException[judging.length];
    for (int g = 0; g < judging.length; g++) {
      try {
        judging[g] = scenarios.get(g).gate().start(scenarios.get(g).name());
      } catch (ConfigurationException e) {
        refused[g] = e; // as when judged alone: a configuration error, and the other gates go on
        judging[g] = IGNORES;
      }
    }
    Selection.Funnel[] selections = funnels.toArray(Selection.Funnel[]::new);
    boolean[] admitted = new boolean[selections.length];
    for (Session s : window) feed(new SessionView(s, roles), selections, admitted, funnelOf, judging);
    List<Judged> verdicts = new ArrayList<>(judging.length);
    for (int g = 0; g < judging.length; g++) {
      try {
        if (refused[g] != null) throw refused[g];
        verdicts.add(new Judged(judging[g].finish(funnels.get(funnelOf[g]).scope()), false));
      } catch (ConfigurationException e) {
        verdicts.add(new Judged(Verdict.notJudged(scenarios.get(g).name(), Outcome.CONFIGURATION_ERROR, e.getMessage()), true));
      }
    }
    return verdicts;
  }

  /** Takes the sessions of a gate that refused to start. */
  private static final Accumulator IGNORES = new Accumulator() {
    @Override public void add(SessionView session) {}

    @Override public Verdict finish(Scope scope) {
      throw new IllegalStateException("a gate that refused to start has no verdict");
    }
  };

  /** One session to every selection, then to every gate whose selection keeps it. */
  private static void feed(SessionView view, Selection.Funnel[] selections, boolean[] admitted, int[] funnelOf,
      Accumulator[] judging) {
    for (int f = 0; f < selections.length; f++) admitted[f] = selections[f].admits(view);
    for (int g = 0; g < judging.length; g++) if (admitted[funnelOf[g]]) judging[g].add(view);
  }
}
