package io.konvoqa.steps;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documentation of a step, next to its code: {@code docs/steps.md} is generated from these
 * (see {@link StepCatalog}), and a test fails when it is stale.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Doc {
  /** The section of docs/steps.md. */
  String group();

  /** The step as a feature file writes it, arguments filled in. */
  String example();

  /** What it does, exactly: what is counted, over which sessions, and when it fails. */
  String semantics();
}
