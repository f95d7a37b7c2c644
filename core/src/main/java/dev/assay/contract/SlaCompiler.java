package dev.assay.contract;

import dev.assay.expectation.ColumnValuesFresh;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the SLA: a latency (or freshness) on {@code object.property} becomes
 * {@code expect_column_values_to_be_fresh}; every other SLA property is not executed.
 */
final class SlaCompiler {
    private final DataContract contract;
    private final List<NotExecuted> notExecuted;

    SlaCompiler(DataContract contract, List<NotExecuted> notExecuted) {
        this.contract = contract;
        this.notExecuted = notExecuted;
    }

    /** Adds the freshness checks of the latency SLAs on {@code object}'s properties. */
    void object(SchemaObject object, SuiteTarget target) {
        for (SlaProperty sla : contract.slaProperties()) {
            if (!isLatency(sla)) {
                continue;
            }
            Optional<String[]> element = slaObject(sla);
            if (element.isEmpty() || !element.get()[0].equals(object.name())) {
                continue;
            }
            Optional<Duration> age = slaDuration(sla);
            if (age.isEmpty()) {
                notExecuted.add(new NotExecuted(
                        sla.path(),
                        "SLA property '" + sla.property() + "'",
                        "the value " + sla.value().orElse("null") + " with unit '"
                                + sla.unit().orElse("")
                                + "' is not a duration Assay understands (a number with unit s, m, h, d, w, y)"));
                continue;
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            sla.driver().ifPresent(d -> meta.put("driver", d));
            target.add(new ColumnValuesFresh(element.get()[1], age.get()), sla.path(), meta);
        }
    }

    private static boolean isLatency(SlaProperty sla) {
        String p = sla.property().toLowerCase(Locale.ROOT);
        return p.equals("latency") || p.equals("ly") || p.equals("freshness");
    }

    /** {object, column} of a latency SLA's element, or empty when it names none this contract has. */
    private Optional<String[]> slaObject(SlaProperty sla) {
        Optional<String> element = sla.element().or(contract::slaDefaultElement);
        if (element.isEmpty() || element.get().contains(",")) {
            return Optional.empty();
        }
        String ref = element.get().trim();
        int dot = ref.indexOf('.');
        SchemaObject object = dot < 0
                ? (contract.schema().size() == 1 ? contract.schema().get(0) : null)
                : contract.object(ref.substring(0, dot)).orElse(null);
        if (object == null) {
            return Optional.empty();
        }
        String property = dot < 0 ? ref : ref.substring(dot + 1);
        return object.property(property).map(p -> new String[] {object.name(), p.column()});
    }

    private String slaReason(SlaProperty sla) {
        if (isLatency(sla)) {
            return "its element "
                    + sla.element()
                            .or(contract::slaDefaultElement)
                            .map(e -> "'" + e + "'")
                            .orElse("(none)") + " does not name one property as object.property of this contract";
        }
        return "Assay checks latency (freshness) from the SLA; '" + sla.property()
                + "' is about the service, not about the data in a batch";
    }

    static Optional<Duration> slaDuration(SlaProperty sla) {
        if (sla.value().isEmpty() || !(sla.value().get() instanceof Number)) {
            return Optional.empty();
        }
        double amount = ((Number) sla.value().get()).doubleValue();
        String unit = sla.unit().orElse("d").trim().toLowerCase(Locale.ROOT);
        double seconds;
        switch (unit) {
            case "s":
            case "sec":
            case "second":
            case "seconds":
                seconds = 1;
                break;
            case "m":
            case "min":
            case "minute":
            case "minutes":
                seconds = 60;
                break;
            case "h":
            case "hr":
            case "hour":
            case "hours":
                seconds = 3600;
                break;
            case "d":
            case "day":
            case "days":
                seconds = 86_400;
                break;
            case "w":
            case "week":
            case "weeks":
                seconds = 7 * 86_400;
                break;
            case "y":
            case "yr":
            case "year":
            case "years":
                seconds = 365 * 86_400;
                break;
            default:
                return Optional.empty();
        }
        if (!(amount > 0)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(amount * seconds * 1000)));
    }

    /** Adds a not-executed entry for every SLA property that {@link #object} does not turn into a check. */
    void unexecuted() {
        for (SlaProperty sla : contract.slaProperties()) {
            if (!isLatency(sla) || slaObject(sla).isEmpty()) {
                notExecuted.add(new NotExecuted(sla.path(), "SLA property '" + sla.property() + "'", slaReason(sla)));
            }
        }
    }
}
