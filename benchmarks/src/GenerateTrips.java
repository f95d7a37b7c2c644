import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a deterministic trips CSV with planted defects: 13 columns, N rows.
 * Usage: java GenerateTrips.java OUT.csv ROWS
 * Defects (fixed rates, so both engines must find the same counts): every 100,003rd row repeats the
 * previous trip_id; every 9,973rd row has passenger_count 9; every 10,007th has no passenger_count;
 * every 50,021st has payment_type BITCOIN; every 77,777th has a malformed booking code; every
 * 99,991st has dropoff before pickup.
 */
public final class GenerateTrips {
    private static final String[] ZONES = {"JFK", "LGA", "Midtown", "SoHo", "Harlem", "Astoria", "Williamsburg", "Chelsea"};
    private static final String[] PAY = {"CARD", "CASH", "NO_CHARGE"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime start = LocalDateTime.of(2024, 5, 1, 0, 0);
        SplittableRandom r = new SplittableRandom(42);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            StringBuilder sb = new StringBuilder(256);
            os.write(("trip_id,vendor_id,pickup_ts,dropoff_ts,passenger_count,trip_distance,fare_amount,"
                    + "tip_amount,total_amount,payment_type,pickup_zone,dropoff_zone,booking_code\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long i = 1; i <= rows; i++) {
                sb.setLength(0);
                long id = i % 100_003 == 0 ? i - 1 : i;
                LocalDateTime pickup = start.plusSeconds(i * 2 + r.nextInt(60));
                LocalDateTime dropoff = i % 99_991 == 0 ? pickup.minusMinutes(3) : pickup.plusSeconds(240 + r.nextInt(3000));
                int passengers = i % 9_973 == 0 ? 9 : 1 + r.nextInt(5);
                double distance = Math.round((0.3 + r.nextDouble() * 18) * 100) / 100.0;
                double fare = Math.round((3 + distance * 2.5) * 100) / 100.0;
                String pay = i % 50_021 == 0 ? "BITCOIN" : PAY[r.nextInt(3)];
                double tip = pay.equals("CARD") ? Math.round(fare * 0.15 * 100) / 100.0 : 0.0;
                String code = i % 77_777 == 0 ? "X" + (i % 1000) : String.format("B%05d", i * 37 % 99_991);
                sb.append(id).append(',').append(1 + r.nextInt(2)).append(',')
                        .append(f.format(pickup)).append(',').append(f.format(dropoff)).append(',');
                if (i % 10_007 != 0) {
                    sb.append(passengers);
                }
                sb.append(',').append(distance).append(',').append(fare).append(',').append(tip).append(',')
                        .append(Math.round((fare + tip) * 100) / 100.0).append(',').append(pay).append(',')
                        .append(ZONES[r.nextInt(ZONES.length)]).append(',').append(ZONES[r.nextInt(ZONES.length)])
                        .append(',').append(code).append('\n');
                os.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
