package dev.assay.bench.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a deterministic taxi-trip-like CSV: 13 columns (int64, timestamps, dates, doubles, booleans,
 * short strings, and a free-text column that is sometimes quoted with commas, doubled quotes and line
 * breaks). About 120 bytes per row.
 *
 * <p>Usage: {@code GenerateTrips <file> <rows>}
 */
public final class GenerateTrips {
    private static final String[] PAYMENT = {"card", "cash", "no_charge", "dispute", "unknown"};
    private static final String[] ZONES = {
        "Upper East Side", "Midtown Center", "JFK Airport", "LaGuardia Airport", "East Village", "Harlem",
        "Williamsburg", "Astoria", "Financial District", "Chelsea"
    };
    private static final String[] NOTES = {
        "", "", "", "", "", "ok", "late pickup", "\"asked for a receipt\", then left",
        "luggage, two bags", "detour\nvia bridge"
    };

    private GenerateTrips() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(42);
        DateTimeFormatter ts = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime base = LocalDateTime.of(2024, 1, 1, 0, 0);
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("trip_id,vendor_id,pickup_ts,dropoff_ts,pickup_date,passenger_count,trip_distance,"
                    + "pickup_zone,payment_type,fare_amount,tip_amount,store_and_forward,notes\n");
            for (long i = 0; i < rows; i++) {
                LocalDateTime pickup = base.plusSeconds(i * 3 + random.nextInt(3));
                LocalDateTime dropoff = pickup.plusSeconds(120 + random.nextInt(3600));
                line.setLength(0);
                line.append(1_000_000_000L + i).append(',');
                line.append(1 + random.nextInt(2)).append(',');
                line.append(ts.format(pickup)).append(',');
                line.append(ts.format(dropoff)).append(',');
                line.append(LocalDate.from(pickup)).append(',');
                if (random.nextInt(50) == 0) {
                    line.append(',');
                } else {
                    line.append(1 + random.nextInt(6)).append(',');
                }
                line.append(random.nextInt(3000) / 100.0).append(',');
                line.append(ZONES[random.nextInt(ZONES.length)]).append(',');
                line.append(PAYMENT[random.nextInt(PAYMENT.length)]).append(',');
                line.append(250 + random.nextInt(20000) / 100.0).append(',');
                line.append(random.nextInt(2000) / 100.0).append(',');
                line.append(random.nextInt(10) == 0 ? "true" : "false").append(',');
                line.append(quote(NOTES[random.nextInt(NOTES.length)])).append('\n');
                out.append(line);
            }
        }
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
