package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * A column or domain data type.
 *
 * @param text the type as written, e.g. {@code character varying(255)}
 * @param name the canonical base name: {@code integer}, {@code bigint}, {@code smallint}, {@code
 *     varchar}, {@code char}, {@code text}, {@code numeric}, {@code timestamp}, {@code
 *     timestamptz}, {@code time}, {@code timetz}, {@code boolean}, {@code double precision}, {@code
 *     real}, {@code varbit}, {@code bit}, {@code serial}, {@code bigserial}, {@code smallserial},
 *     {@code json}, {@code jsonb}, … ; other names lower-cased (qualified ones as {@code
 *     schema.name})
 * @param modifiers the type modifiers as written, e.g. {@code ["12", "2"]} for {@code
 *     numeric(12,2)}
 * @param arrayDimensions how many {@code []} (or {@code ARRAY}) follow the type
 * @param span where the type is written
 */
public record TypeName(
    String text, String name, List<String> modifiers, int arrayDimensions, Span span) {

  /** Whether the type is {@code serial}, {@code bigserial} or {@code smallserial}. */
  public boolean isSerial() {
    return arrayDimensions == 0
        && (name.equals("serial") || name.equals("bigserial") || name.equals("smallserial"));
  }

  /** Whether the type is an array. */
  public boolean isArray() {
    return arrayDimensions > 0;
  }

  /** The first modifier as a number (the length of {@code varchar(n)}), or -1. */
  public int length() {
    if (modifiers.isEmpty()) {
      return -1;
    }
    try {
      return Integer.parseInt(modifiers.get(0).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The second modifier as a number (the scale of {@code numeric(p,s)}), or -1. */
  public int scale() {
    if (modifiers.size() < 2) {
      return -1;
    }
    try {
      return Integer.parseInt(modifiers.get(1).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
