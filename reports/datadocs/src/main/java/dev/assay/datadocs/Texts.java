package dev.assay.datadocs;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show times, percentages and values from results. Stateless and thread-safe. */
final class Texts {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Texts() {}

    static String time(Instant time) {
        return TIME.format(time);
    }

    /** {@code 99.9%}, to three significant digits, never in exponent notation. */
    static String percent(double p) {
        if (!Double.isFinite(p)) {
            return p + "%";
        }
        if (p == 0) {
            return "0%";
        }
        BigDecimal d = new BigDecimal(p).round(new MathContext(p >= 100 ? 4 : 3));
        return Phrases.number(d) + "%";
    }

    /** A value from a result as text: strings as they are, numbers plainly, the rest as compact JSON. */
    static String show(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return Phrases.number(v.decimalValue());
        }
        return v.toString();
    }

    /** A metric value from the history, plainly. */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        return Phrases.number(new BigDecimal(d).round(new MathContext(6)));
    }
}
