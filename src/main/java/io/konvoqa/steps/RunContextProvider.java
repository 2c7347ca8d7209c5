package io.konvoqa.steps;

import io.cucumber.picocontainer.CucumberPicoProvider;
import io.konvoqa.run.RunContext;
import org.picocontainer.injectors.Provider;

/** Hands the step classes' PicoContainer the run that the runner or the plugin opened. */
@CucumberPicoProvider
public final class RunContextProvider implements Provider {
  public RunContext provide() {
    return RunContext.active();
  }
}
