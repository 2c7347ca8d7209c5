package io.konvoqa.privacy;

import io.konvoqa.report.Fixtures;
import static io.konvoqa.report.Fixtures.EMAIL;
import static io.konvoqa.report.Fixtures.PHONE;
import static io.konvoqa.report.Fixtures.WEB_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Confusion;
import io.konvoqa.gate.Evidence;
import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Interval;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Segment;
import io.konvoqa.gate.SegmentTable;
import io.konvoqa.gate.Verdict;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every text a verdict can hold is masked because it passes through {@link Verdict#mapText}, not
 * because the masking knows it: a verdict built by reflection, with personal data in every String
 * of every record it holds (its figures, offenders and each kind of {@link Evidence} the sealed
 * interface permits), comes out of the masking with none left. A String component added to any of
 * them later fails here until {@code mapText} passes it on, or it is listed below as never masked.
 */
class MaskedByConstructionTest {
  private static final String PERSONAL = "call " + PHONE + " or " + EMAIL + ", customer " + WEB_ID;
  /** Components deliberately left as they are: session ids join the CSV, transcripts and dashboard. */
  private static final Set<String> NEVER_MASKED = Set.of("Offender.sessionId");

  private final Privacy privacy = Privacy.of(true, Salt.of("test-salt", "demo"), System.err);
  private final Sample sample = Fixtures.sample(Fixtures.session("s-1", WEB_ID, "hi", "ok"));

  @Test void everyStringOfEveryRecordAVerdictHoldsGoesThroughMapText() {
    Verdict verdict = filled(Verdict.class);

    Verdict mapped = verdict.mapText(s -> "MAPPED(" + s + ")");

    List<String> unmapped = new ArrayList<>();
    walk(mapped, "Verdict", (where, text) -> {
      if (!text.startsWith("MAPPED(")) unmapped.add(where + " = " + text);
    });
    assertThat(unmapped).as("texts that did not pass through mapText").isEmpty();
  }

  @Test void theWalkReachesEveryKindOfEvidenceAndEveryFigureKind() {
    Verdict verdict = filled(Verdict.class);

    assertThat(verdict.evidence().stream().map(Object::getClass).toList())
        .containsExactlyInAnyOrder(Evidence.class.getPermittedSubclasses());
    assertThat(verdict.figures()).extracting(Figure::kind).containsExactlyInAnyOrder(Figure.Kind.values());
  }

  @Test void noPersonalDataSurvivesInAnyTextOfAMaskedVerdict() {
    Verdict masked = privacy.mask(filled(Verdict.class), sample);

    List<String> texts = new ArrayList<>();
    walk(masked, "Verdict", (where, text) -> texts.add(where + " = " + text));
    assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain(PHONE, EMAIL, WEB_ID, "4242"));
    assertThat(masked.toString()).doesNotContain(PHONE, EMAIL, WEB_ID, "4242");
  }

  @Test void aVerdictQuotingPersonalDataInFiguresOffendersSegmentsAndRoutingIsMaskedThroughout() {
    Verdict verdict = Verdict.of("claim " + PERSONAL, Outcome.BREACHED, "reason " + PERSONAL)
        .figure("measured " + PERSONAL)
        .figures(List.of(new Figure("note " + PERSONAL, "value " + PERSONAL), Figure.n("n (" + PERSONAL + ")", 12),
            Figure.count("counted " + PERSONAL, 5), Figure.rate("rate " + PERSONAL, "41.7% " + PERSONAL, 5 / 12.0),
            Figure.interval("Wilson 95% interval " + PERSONAL, new Interval(0.193, 0.68, 0.95)),
            Figure.threshold("at most 15.0% " + PERSONAL, 0.15)))
        .offenders(List.of(new Offender("s-1", "AI reply: \"" + PERSONAL + "\"")))
        .evidence(new SegmentTable(List.of(new Segment("channel " + PERSONAL, 3, 0.5, Outcome.BREACHED, "note " + PERSONAL))))
        .evidence(new Confusion(List.of("phrase " + PERSONAL), List.of("type " + PERSONAL), new long[][] {{1}},
            Map.of("phrase " + PERSONAL, "type " + PERSONAL)))
        .build();

    Verdict masked = privacy.mask(verdict, sample);

    assertThat(masked.toString() + masked.confusion().phrases() + masked.confusion().actuals() + masked.confusion().expected())
        .doesNotContain(PHONE, EMAIL, WEB_ID, "4242")
        .contains("[phone …51]", "a***@***.de", "customer-");
  }

  @Test void aFigureOfEachKindIsMaskedWhileItsNumbersStay() {
    Interval interval = new Interval(0.193, 0.68, 0.95);
    List<Figure> figures = List.of(new Figure("call " + PHONE, "text " + PHONE),
        Figure.n("n (sessions of " + PHONE + ")", 12), Figure.count("counted " + PHONE, 5),
        Figure.rate("rate " + PHONE, "41.7% " + PHONE, 5 / 12.0),
        Figure.interval("interval " + PHONE, interval), Figure.threshold("at most 15.0% " + PHONE, 0.15));
    assertThat(figures).extracting(Figure::kind).containsExactlyInAnyOrder(Figure.Kind.values());

    Verdict masked = privacy.mask(Verdict.of("g", Outcome.PASSED, "r").figures(figures).build(), null);

    assertThat(masked.figures()).extracting(Figure::name).containsExactly("call [phone …51]", "n (sessions of [phone …51])",
        "counted [phone …51]", "rate [phone …51]", "interval [phone …51]", "threshold");
    assertThat(masked.figures()).extracting(Figure::value).containsExactly("text [phone …51]", "12", "5",
        "41.7% [phone …51]", "19.3% - 68.0%", "at most 15.0% [phone …51]");
    assertThat(masked.figures()).extracting(Figure::kind).containsExactly(Figure.Kind.TEXT, Figure.Kind.N,
        Figure.Kind.COUNT, Figure.Kind.RATE, Figure.Kind.INTERVAL, Figure.Kind.THRESHOLD);
    assertThat(masked.figures()).extracting(Figure::number).containsExactly(null, 12.0, 5.0, 5 / 12.0, null, 0.15);
    assertThat(masked.figure(Figure.Kind.INTERVAL).interval()).isEqualTo(interval);
  }

  /** An instance of {@code type} with {@link #PERSONAL} in every text; lists hold one of each kind. */
  @SuppressWarnings("unchecked")
  private static <T> T filled(Class<T> type) {
    try {
      RecordComponent[] components = type.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = NEVER_MASKED.contains(type.getSimpleName() + "." + components[i].getName())
            ? "s-1" : value(components[i].getGenericType());
      }
      Constructor<T> canonical = type.getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot fill " + type.getName() + ": " + e, e);
    }
  }

  private static Object value(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class) return elements(args[0]);
      if (raw == Map.class) {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(value(args[0]), value(args[1]));
        return map;
      }
      throw new AssertionError("no filler for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) return PERSONAL;
    if (c == long.class || c == Long.class) return 7L;
    if (c == int.class || c == Integer.class) return 7;
    if (c == double.class || c == Double.class) return 0.5;
    if (c == boolean.class || c == Boolean.class) return true;
    if (c == Interval.class) return new Interval(0.25, 0.75, 0.95);
    if (c.isEnum()) return c.getEnumConstants()[0];
    if (c.isArray()) {
      Object array = Array.newInstance(c.getComponentType(), 1);
      Array.set(array, 0, value(c.getComponentType()));
      return array;
    }
    if (c.isRecord()) return filled(c);
    throw new AssertionError("no filler for " + c.getName() + ": teach this test the new type");
  }

  /** One element, or, of a sealed interface or of figures, one of each kind. */
  private static List<Object> elements(Type type) {
    if (type == Evidence.class) {
      return Arrays.stream(Evidence.class.getPermittedSubclasses()).map(c -> (Object) filled(c)).toList();
    }
    if (type == Figure.class) {
      return Arrays.stream(Figure.Kind.values()).map(kind -> (Object) new Figure(PERSONAL, PERSONAL, kind, 0.5,
          new Interval(0.25, 0.75, 0.95))).toList();
    }
    return List.of(value(type));
  }

  private interface TextVisitor {
    void text(String where, String text);
  }

  /** Every String reachable from {@code value} through record components, lists, maps and arrays. */
  private static void walk(Object value, String where, TextVisitor visitor) {
    if (value == null) return;
    if (value instanceof String s) {
      visitor.text(where, s);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) walk(list.get(i), where + "[" + i + "]", visitor);
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        walk(k, where + ".key", visitor);
        walk(v, where + "[" + k + "]", visitor);
      });
    } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
      for (int i = 0; i < Array.getLength(value); i++) walk(Array.get(value, i), where + "[" + i + "]", visitor);
    } else if (value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        String name = value.getClass().getSimpleName() + "." + component.getName();
        if (NEVER_MASKED.contains(name)) continue;
        try {
          walk(component.getAccessor().invoke(value), where + "." + component.getName(), visitor);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError("cannot read " + name + ": " + e, e);
        }
      }
    }
  }
}
