package io.konvoqa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/** The package rules of docs/architecture.md, checked on the production classes. */
@AnalyzeClasses(packages = "io.konvoqa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("io.konvoqa.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule gatesKnowNothingOfReportsRunsStepsOrHttp = noClasses()
      .that().resideInAPackage("io.konvoqa.gate..")
      .should().dependOnClassesThat().resideInAnyPackage("io.konvoqa.report..", "io.konvoqa.run..",
          "io.konvoqa.steps..", "io.konvoqa.client..", "io.konvoqa.simulator..", "okhttp3..", "retrofit2..",
          "io.cucumber..", "io.qameta..");

  @ArchTest
  static final ArchRule reportsDoNotKnowTheRun = noClasses()
      .that().resideInAPackage("io.konvoqa.report..")
      .should().dependOnClassesThat().resideInAnyPackage("io.konvoqa.run..", "io.konvoqa.steps..");

  @ArchTest
  static final ArchRule privacyStandsAlone = noClasses()
      .that().resideInAPackage("io.konvoqa.privacy..")
      .should().dependOnClassesThat().resideInAnyPackage("io.konvoqa.report..", "io.konvoqa.run..",
          "io.konvoqa.steps..", "io.konvoqa.snapshot..", "io.konvoqa.client..");

  /** The one holder Cucumber's separate object graphs need; see its declaration. */
  private static final Set<String> STATIC_HOLDERS = Set.of("io.konvoqa.run.RunContext");

  @ArchTest
  static final ArchRule noMutableStaticState = fields()
      .that().areStatic()
      .and(DescribedPredicate.describe("are not in the documented run holder",
          (JavaField f) -> !STATIC_HOLDERS.contains(f.getOwner().getName())))
      .should(beImmutable());

  private static final Set<String> MUTABLE_TYPES = Set.of("java.util.ArrayList", "java.util.HashMap",
      "java.util.LinkedHashMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeMap",
      "java.util.TreeSet", "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.atomic.AtomicLong",
      "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicReference",
      "java.util.concurrent.atomic.AtomicBoolean", "java.lang.StringBuilder");

  /** A final List, Set or Map field whose value can still be changed (not List.of, Map.copyOf, ...). */
  private static boolean holdsMutableCollection(JavaField field) {
    if (!field.getRawType().isAssignableTo(java.util.Collection.class)
        && !field.getRawType().isAssignableTo(java.util.Map.class)) {
      return false;
    }
    try {
      java.lang.reflect.Field f = field.reflect();
      f.setAccessible(true);
      Object value = f.get(null);
      if (value == null) return false;
      String type = value.getClass().getName();
      return !(type.startsWith("java.util.ImmutableCollections") || type.startsWith("java.util.Collections$Unmodifiable")
          || type.startsWith("java.util.Collections$Empty") || type.startsWith("java.util.Collections$Singleton"));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // cannot tell: count it as mutable
    }
  }

  private static ArchCondition<JavaField> beImmutable() {
    return new ArchCondition<>("be final and not of a mutable collection, atomic or builder type") {
      @Override public void check(JavaField field, ConditionEvents events) {
        if (field.getOwner().isEnum() && field.getRawType().equals(field.getOwner())) return;
        if (field.getName().startsWith("$")) return; // compiler-made, e.g. $VALUES, switch maps
        boolean mutable = !field.getModifiers().contains(JavaModifier.FINAL)
            || MUTABLE_TYPES.contains(field.getRawType().getName())
            // a private constant table is read in place; one handed out could be written to
            || field.getRawType().isArray() && !field.getModifiers().contains(JavaModifier.PRIVATE)
            || holdsMutableCollection(field);
        if (mutable) events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is mutable static state"));
      }
    };
  }
}
