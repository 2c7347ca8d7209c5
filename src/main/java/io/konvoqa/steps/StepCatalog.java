package io.konvoqa.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every step phrase with its example and semantics, as the markdown of {@code docs/steps.md}. */
public final class StepCatalog {
  private StepCatalog() {}

  static final List<Class<?>> STEP_CLASSES = List.of(SessionSteps.class, OutcomeSteps.class,
      RoutingSteps.class, ReplySteps.class, ReplyTimeSteps.class, LanguageSteps.class, BaselineSteps.class,
      JudgedSteps.class);

  /** One documented step. */
  public record Entry(String keyword, String phrase, Doc doc, String method) {}

  public static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (Class<?> type : STEP_CLASSES) {
      List<Method> methods = new ArrayList<>(List.of(type.getDeclaredMethods()));
      methods.sort(Comparator.comparing(Method::getName));
      for (Method m : methods) {
        String keyword = m.isAnnotationPresent(Given.class) ? "Given" : m.isAnnotationPresent(Then.class) ? "Then" : null;
        if (keyword == null) continue;
        String phrase = keyword.equals("Given") ? m.getAnnotation(Given.class).value() : m.getAnnotation(Then.class).value();
        Doc doc = m.getAnnotation(Doc.class);
        if (doc == null) {
          throw new IllegalStateException("the step '" + phrase + "' (" + type.getSimpleName() + "."
              + m.getName() + ") has no @Doc: document it where it is defined");
        }
        entries.add(new Entry(keyword, phrase, doc, type.getSimpleName() + "." + m.getName()));
      }
    }
    return entries;
  }

  public static String markdown() {
    Map<String, List<Entry>> groups = new LinkedHashMap<>();
    for (String group : GROUPS) groups.put(group, new ArrayList<>());
    for (Entry e : entries()) {
      List<Entry> list = groups.get(e.doc().group());
      if (list == null) throw new IllegalStateException("unknown @Doc group '" + e.doc().group() + "' on " + e.method());
      list.add(e);
    }
    StringBuilder md = new StringBuilder();
    md.append("# Steps\n\n")
        .append("Every step a feature file can use, with an example and its exact semantics. Generated from\n")
        .append("the code by `java -jar target/konvo-qa.jar steps > docs/steps.md`; a test fails when this\n")
        .append("file is stale.\n\n")
        .append(StepCatalogText.PREAMBLE)
        .append(StepCatalogText.CHOOSING_A_CLAIM);
    groups.forEach((group, entries) -> {
      if (entries.isEmpty()) return;
      md.append("## ").append(group).append("\n\n");
      for (Entry e : entries) {
        md.append("### `").append(e.keyword()).append(' ').append(e.phrase()).append("`\n\n");
        md.append("```gherkin\n").append(e.doc().example()).append("\n```\n\n");
        md.append(e.doc().semantics()).append("\n\n");
      }
    });
    return md.toString();
  }

  static final List<String> GROUPS = List.of("Choosing the sessions", "Traffic", "Outcome rates", "Routing",
      "What the AI says and how it behaves", "Baselines", "Judged by a language model");
}
