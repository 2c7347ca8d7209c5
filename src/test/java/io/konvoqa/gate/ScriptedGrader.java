package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A test double of the {@link Grader} port: grades each session as a script says (by id), counts
 * what it was asked to grade, and can be made unavailable.
 */
final class ScriptedGrader implements Grader {
  private final Function<String, Grade.Kind> script;
  private final String unavailable;
  final List<List<String>> asked = new ArrayList<>();
  final Set<String> graded = new HashSet<>();

  ScriptedGrader(Function<String, Grade.Kind> script) {
    this(script, null);
  }

  private ScriptedGrader(Function<String, Grade.Kind> script, String unavailable) {
    this.script = script;
    this.unavailable = unavailable;
  }

  /** Fails the sessions whose ids start with one of these prefixes, errs on those in {@code errors}, passes the rest. */
  static ScriptedGrader failing(String failPrefix, String errorPrefix) {
    return new ScriptedGrader(id -> id.startsWith(errorPrefix) ? Grade.Kind.ERROR
        : id.startsWith(failPrefix) ? Grade.Kind.FAIL : Grade.Kind.PASS);
  }

  /** Grades by a fixed table, passing ids not in it. */
  static ScriptedGrader table(Map<String, Grade.Kind> kinds) {
    return new ScriptedGrader(id -> kinds.getOrDefault(id, Grade.Kind.PASS));
  }

  static ScriptedGrader unavailable(String message) {
    return new ScriptedGrader(id -> Grade.Kind.PASS, message);
  }

  @Override public List<Grade> grade(Rubric rubric, List<Session> sessions) {
    if (unavailable != null) throw new GraderUnavailable(unavailable);
    asked.add(sessions.stream().map(Session::id).toList());
    List<Grade> grades = new ArrayList<>();
    for (Session s : sessions) {
      graded.add(s.id());
      Grade.Kind kind = script.apply(s.id());
      String reason = switch (kind) {
        case PASS -> "resolved";
        case FAIL -> "the AI promised 30 days for " + s.id();
        case ERROR -> "no JSON in the answer";
      };
      grades.add(new Grade(s.id(), kind, reason, s.id().endsWith("0"), 100));
    }
    return grades;
  }

  @Override public GraderFacts facts() {
    return new GraderFacts("gpt-test", "judge.example", "v1", false, false, asked.size(), 0, 0, 0);
  }
}
