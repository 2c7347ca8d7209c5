package io.konvoqa.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.Route;
import io.konvoqa.gate.RoutingGates;
import io.konvoqa.gate.TriggerPhrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Routing: trigger phrases in the first customer message and the sub_intent_type the AI chose. */
public final class RoutingSteps {
  private final ScenarioSessions sessions;

  public RoutingSteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Doc(group = "Routing",
      example = "Then sessions whose first customer message contains \"where is my order\" have sub_intent_type \"ORDER_STATUS\"",
      semantics = "Every session whose first customer message contains the trigger phrase must have that sub_intent_type. No matching session: cannot judge (\"no session matched 'x': cannot judge routing\"); fewer matching sessions than the minimum sample: cannot judge, unless the share routed right is significantly below the one required. Sessions whose first customer message came without text are left out, and the phrase cannot judge if they could change its verdict (all routed right, or all elsewhere). Sub_intent_types are compared ignoring case. Offending sessions name the sub_intent_type they got.")
  @Then("sessions whose first customer message contains {string} have sub_intent_type {string}")
  public void routesAlways(String phrase, String subIntentType) {
    routes(List.of(new Route(TriggerPhrase.parse(phrase), subIntentType, 1.0)),
        "sessions whose first customer message contains '" + phrase + "' have sub_intent_type " + subIntentType);
  }

  @Doc(group = "Routing",
      example = "Then sessions whose first customer message contains \"Rücksendung\" have sub_intent_type \"RETURN_REQUEST\" in at least 90% of cases",
      semantics = "As above, passing when at least that share of the matching sessions has the sub_intent_type.")
  @Then("sessions whose first customer message contains {string} have sub_intent_type {string} in at least {percent} of cases")
  public void routesMostly(String phrase, String subIntentType, double atLeast) {
    routes(List.of(new Route(TriggerPhrase.parse(phrase), subIntentType, atLeast)),
        "sessions whose first customer message contains '" + phrase + "' have sub_intent_type "
            + subIntentType + " in at least " + Percent.written(atLeast) + " of cases");
  }

  @Doc(group = "Routing",
      example = "Then trigger phrases route to these sub_intent_types:\n  | trigger phrase  | sub_intent_type | at least |\n  | refund          | REFUND          | 90%      |\n  | /storn(o\\|ieren)/ | CANCEL_ORDER |          |",
      semantics = "Each row is judged on its own (`at least` is optional, default 100%): the gate is breached when any phrase is routed below its share, and cannot judge when any phrase matched no session, or fewer than the minimum sample (the phrases not judged are named in the summary line). The report carries the confusion table: trigger phrase by actual sub_intent_type, with counts.")
  @Then("trigger phrases route to these sub_intent_types:")
  public void routeTable(DataTable table) {
    routes(parse(table), "trigger phrases route to these sub_intent_types");
  }

  private void routes(List<Route> routes, String claim) {
    sessions.routes(routes);
    Gatekeeper.enforce(sessions, claim, () -> RoutingGates.routes(routes));
  }

  /** Rows of | trigger phrase | sub_intent_type | at least |, the last column optional (100%). */
  static List<Route> parse(DataTable table) {
    List<List<String>> rows = table.cells();
    if (rows.isEmpty()) throw new ConfigurationException("the routing table is empty");
    List<String> header = rows.get(0).stream()
        .map(h -> h == null ? "" : h.trim().toLowerCase(Locale.ROOT)).toList();
    int phrase = header.indexOf("trigger phrase");
    int type = header.indexOf("sub_intent_type");
    int atLeast = header.indexOf("at least");
    if (phrase < 0 || type < 0) {
      throw new ConfigurationException("the routing table's header must be | trigger phrase |"
          + " sub_intent_type | at least | (the last column is optional) but was " + rows.get(0));
    }
    List<Route> routes = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      String share = atLeast < 0 ? null : row.get(atLeast);
      double required = share == null || share.isBlank() ? 1.0 : Percent.parse(share);
      routes.add(new Route(TriggerPhrase.parse(row.get(phrase)), row.get(type), required));
    }
    if (routes.isEmpty()) {
      throw new ConfigurationException("the routing table has a header but no rows: add one row per"
          + " trigger phrase");
    }
    return routes;
  }

}
