package io.konvoqa.gate;

/** One row of a verdict's table: "unresolved rate" = "12.4%". */
public record Figure(String name, String value) {}
