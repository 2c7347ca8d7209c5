package io.konvoqa.run;

import io.cucumber.core.options.CommandlineOptionsParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStepStarted;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a run's gates before any is judged, so that each window is read once for all of them: it
 * runs the features through Cucumber with the same glue, no plugins and no output, while the run's
 * context is planning, so that every gate step records its claim, window and sessions
 * ({@link RunContext#plan}) instead of judging. The steps that choose sessions run as they will
 * in the run proper; nothing is fetched, judged, reported or written.
 *
 * <p>A step that the plan did not see as it then stands (a plan that failed, a scenario that went
 * another way) is judged alone, as before there was a plan: the plan only saves reading.
 */
final class Planner {
  static final String GLUE = "io.konvoqa.steps";

  private Planner() {}

  /**
   * Plans the gates of {@code features} (paths, as Cucumber's command line takes them) with the
   * tag expression {@code tags} (may be null); says on the console when it could not.
   */
  static void plan(RunContext context, List<String> features, String tags, PrintStream console) {
    if (!context.opened() || features.isEmpty()) return;
    List<String> args = new ArrayList<>(List.of("--glue", GLUE, "--no-summary", "--monochrome"));
    if (tags != null && !tags.isBlank()) {
      args.add("--tags");
      args.add(tags);
    }
    args.addAll(features);
    boolean planned = false;
    context.startPlanning();
    try {
      RuntimeOptions options = new CommandlineOptionsParser(OutputStream.nullOutputStream())
          .parse(args.toArray(String[]::new)).build();
      Runtime.builder().withRuntimeOptions(options).withClassLoader(Planner.class::getClassLoader)
          .withAdditionalPlugins(new Follower(context)).build().run();
      planned = true;
    } catch (RuntimeException e) {
      console.println("konvo-qa: warning: the gates could not be planned (" + GateRunPlugin.message(e)
          + "); each gate reads its window on its own");
    } finally {
      context.stopPlanning(planned);
    }
  }

  /** Tells the plan run's log which step runs, so that a gate is recorded where it stands. */
  private static final class Follower implements ConcurrentEventListener {
    private final RunContext context;

    Follower(RunContext context) {
      this.context = context;
    }

    @Override public void setEventPublisher(EventPublisher publisher) {
      publisher.registerHandlerFor(TestCaseStarted.class, e -> context.log().scenarioStarted(e.getTestCase().getName(),
          e.getTestCase().getUri().toString(), e.getTestCase().getTags(), e.getTestCase().getLocation().getLine()));
      publisher.registerHandlerFor(TestStepStarted.class, e -> {
        if (e.getTestStep() instanceof PickleStepTestStep step) {
          context.log().stepStarted(step.getStep().getText(), step.getStep().getLine());
        }
      });
    }
  }
}
