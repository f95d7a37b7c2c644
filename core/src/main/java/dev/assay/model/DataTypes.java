package dev.assay.model;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Maps the type names users write (GX/pandas, SQL, Spark, Arrow) onto Assay's type names, as listed in
 * docs/types.md. Assay's own names are {@code int8..int64}, {@code uint8..uint64}, {@code float32},
 * {@code float64}, {@code decimal(p,s)}, {@code string}, {@code binary}, {@code boolean}, {@code date},
 * {@code time}, {@code timestamp} (no zone), {@code timestamp_tz}, {@code list<...>}, {@code struct},
 * {@code map}.
 */
public final class DataTypes {
    private DataTypes() {}

    private static final Predicate<String> ANY_INT = t -> t.matches("u?int\\d+");
    private static final Predicate<String> ANY_FLOAT = t -> t.startsWith("float");
    private static final Predicate<String> ANY_DECIMAL = t -> t.startsWith("decimal(");
    private static final Predicate<String> ANY_TIMESTAMP = t -> t.equals("timestamp") || t.equals("timestamp_tz");

    private static final Map<String, Predicate<String>> ALIASES = Map.ofEntries(
            Map.entry("int", ANY_INT),
            Map.entry("integer", ANY_INT),
            Map.entry("integertype", ANY_INT),
            Map.entry("tinyint", eq("int8")),
            Map.entry("byte", eq("int8")),
            Map.entry("bytetype", eq("int8")),
            Map.entry("smallint", eq("int16")),
            Map.entry("short", eq("int16")),
            Map.entry("shorttype", eq("int16")),
            Map.entry("bigint", eq("int64")),
            Map.entry("long", eq("int64")),
            Map.entry("longtype", eq("int64")),
            Map.entry("float", ANY_FLOAT),
            Map.entry("double", eq("float64")),
            Map.entry("double precision", eq("float64")),
            Map.entry("doubletype", eq("float64")),
            Map.entry("float8", eq("float64")),
            Map.entry("real", eq("float32")),
            Map.entry("float4", eq("float32")),
            Map.entry("floattype", eq("float32")),
            Map.entry("decimal", ANY_DECIMAL),
            Map.entry("numeric", ANY_DECIMAL),
            Map.entry("decimaltype", ANY_DECIMAL),
            Map.entry("number", t -> ANY_INT.test(t) || ANY_FLOAT.test(t) || ANY_DECIMAL.test(t)),
            Map.entry("str", eq("string")),
            Map.entry("object", eq("string")),
            Map.entry("varchar", eq("string")),
            Map.entry("text", eq("string")),
            Map.entry("char", eq("string")),
            Map.entry("utf8", eq("string")),
            Map.entry("stringtype", eq("string")),
            Map.entry("bool", eq("boolean")),
            Map.entry("booleantype", eq("boolean")),
            Map.entry("datetype", eq("date")),
            Map.entry("date32", eq("date")),
            Map.entry("datetime", ANY_TIMESTAMP),
            Map.entry("datetime64", ANY_TIMESTAMP),
            Map.entry("datetime64[ns]", eq("timestamp")),
            Map.entry("timestamp_ntz", eq("timestamp")),
            Map.entry("timestamp without time zone", eq("timestamp")),
            Map.entry("timestamptz", eq("timestamp_tz")),
            Map.entry("timestamp with time zone", eq("timestamp_tz")),
            Map.entry("timestamptype", ANY_TIMESTAMP),
            Map.entry("bytes", eq("binary")),
            Map.entry("bytea", eq("binary")),
            Map.entry("varbinary", eq("binary")),
            Map.entry("blob", eq("binary")),
            Map.entry("binarytype", eq("binary")));

    private static Predicate<String> eq(String name) {
        return name::equals;
    }

    /**
     * True when a column of Assay type {@code actual} is of the type the user named.
     *
     * @param requested a type name as a user wrote it, case-insensitive
     * @param actual an Assay type name
     */
    public static boolean matches(String requested, String actual) {
        String r = requested.trim().toLowerCase(Locale.ROOT);
        String a = actual.toLowerCase(Locale.ROOT);
        if (r.equals(a) || (r.equals("timestamp") && ANY_TIMESTAMP.test(a))) {
            return true;
        }
        if (r.startsWith("datetime64[ns,") || r.startsWith("timestamp[") && r.contains("tz")) {
            return a.equals("timestamp_tz");
        }
        if (r.startsWith("timestamp[")) {
            return a.equals("timestamp");
        }
        if (r.startsWith("list") || r.startsWith("array")) {
            return a.startsWith("list<");
        }
        Predicate<String> alias = ALIASES.get(r);
        return alias != null && alias.test(a);
    }
}
