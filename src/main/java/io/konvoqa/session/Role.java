package io.konvoqa.session;

import java.util.Locale;
import java.util.Map;

/**
 * Who wrote a message, derived from {@code initiator_origin}.
 *
 * <p>Only {@code RECIPIENT} is documented; the mapping is configurable and anything unmapped is
 * {@link #OTHER}, kept and shown with its raw origin, never dropped.
 */
public enum Role {
  CUSTOMER, AI, HUMAN_AGENT, OTHER;

  static final Map<String, Role> DEFAULTS =
      Map.of("RECIPIENT", CUSTOMER, "AI", AI, "AGENT", HUMAN_AGENT);

  /** Parses "RECIPIENT=customer, AI=ai, AGENT=human_agent" into a mapping; blank gives the defaults. */
  public static Map<String, Role> parseMapping(String text) {
    if (text == null || text.isBlank()) return DEFAULTS;
    var mapping = new java.util.HashMap<String, Role>();
    for (String pair : text.split(",")) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2 || parts[0].isBlank()) {
        throw new IllegalArgumentException("origin mapping entries look like ORIGIN=role, but got '"
            + pair.trim() + "' (roles: customer, ai, human_agent, other)");
      }
      String role = parts[1].trim().toUpperCase(Locale.ROOT).replace(' ', '_');
      try {
        mapping.put(parts[0].trim().toUpperCase(Locale.ROOT), Role.valueOf(role));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown role '" + parts[1].trim() + "' in origin mapping"
            + " (roles: customer, ai, human_agent, other)");
      }
    }
    return Map.copyOf(mapping);
  }

  public static Role of(String origin, Map<String, Role> mapping) {
    if (origin == null) return OTHER;
    Role exact = mapping.get(origin); // the usual case, without allocating an upper-case copy
    return exact != null ? exact : mapping.getOrDefault(origin.toUpperCase(Locale.ROOT), OTHER);
  }

  public static Role of(String origin) {
    return of(origin, DEFAULTS);
  }
}
