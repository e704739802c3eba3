package dev.greenlight.linter.verify.seed;

/**
 * A column of a table to seed, as the catalog describes it.
 *
 * @param type {@code format_type(atttypid, atttypmod)}, e.g. {@code character varying(20)}
 * @param baseTypeName {@code pg_type.typname} of the column's type, or of a domain's base type
 * @param typeKind {@code pg_type.typtype}: b base, e enum, d domain, r range, c composite
 * @param typeCategory {@code pg_type.typcategory} of the (base) type, e.g. A for arrays
 * @param length the declared length of {@code varchar(n)}/{@code char(n)}, or -1
 * @param precision the declared precision of {@code numeric(p,s)}, or -1
 * @param scale the declared scale of {@code numeric(p,s)}, or 0
 * @param generatedByServer identity, stored generated or {@code nextval} default: left out
 * @param unique part of a unique index or primary key (values must differ per row)
 */
public record SeedColumn(
    int number,
    String name,
    String type,
    String baseTypeName,
    char typeKind,
    char typeCategory,
    int length,
    int precision,
    int scale,
    boolean notNull,
    boolean hasDefault,
    boolean generatedByServer,
    boolean unique) {}
