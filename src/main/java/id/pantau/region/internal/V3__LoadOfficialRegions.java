package id.pantau.region.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the official region list shipped in {@code data/regions} (idn-area-data 4.0.1, ODbL)
 * with one PostgreSQL COPY. As a Flyway migration it runs exactly once per database, inside
 * Flyway's transaction and lock, so several nodes starting together cannot load it twice and
 * a failed load leaves nothing behind.
 */
@Component
class V3__LoadOfficialRegions extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V3__LoadOfficialRegions.class);
    private static final String[][] LEVELS = {
            {"provinces.csv", "PROVINCE"},
            {"regencies.csv", "REGENCY"},
            {"districts.csv", "DISTRICT"},
            {"villages.csv", "VILLAGE"}};

    @Override
    public void migrate(Context context) throws Exception {
        long started = System.nanoTime();
        Connection connection = context.getConnection();
        Map<String, String> zones = provinceTimeZones();
        int count = 0;
        // rows stream to the server while they are read, so parsing here and COPY there overlap
        var copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy region (code, parent_code, level, name, search_name, time_zone) from stdin (format csv)", 1 << 16);
        var out = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        try {
            for (String[] level : LEVELS) {
                try (CSVParser records = open(level[0])) {
                    for (CSVRecord record : records) {
                        out.printRecord(row(record, RegionLevel.valueOf(level[1]), zones));
                        count++;
                    }
                }
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            copy.cancelCopy();
            throw e;
        }
        long copied = copy.endCopy();
        if (copied != count) {
            throw new IllegalStateException("Copied " + copied + " regions of " + count);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("alter table region add constraint region_parent_fk foreign key (parent_code) references region (code)");
        }
        log.info("Loaded {} official regions in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    private static Object[] row(CSVRecord record, RegionLevel level, Map<String, String> zones) {
        RegionCode code = RegionCode.parse(record.get(0));
        String name = record.get(record.size() - 1).strip();
        if (code.level() != level || name.isEmpty()) {
            throw new IllegalStateException("Bad " + level.apiName() + " line " + record.getRecordNumber() + ": " + record);
        }
        String parent = code.parent().map(RegionCode::value).orElse(null);
        if (level != RegionLevel.PROVINCE && !record.get(1).equals(parent)) {
            throw new IllegalStateException("Parent of " + code + " should be " + parent + " but is " + record.get(1));
        }
        String zone = zones.get(code.ancestorAt(RegionLevel.PROVINCE).value());
        if (zone == null) {
            throw new IllegalStateException("No time zone for the province of " + code);
        }
        return new Object[]{code.value(), parent, level.name(), name, SearchText.normalize(name), zone};
    }

    private static Map<String, String> provinceTimeZones() throws IOException {
        Map<String, String> zones = new HashMap<>();
        try (CSVParser records = open("province-time-zones.csv")) {
            for (CSVRecord record : records) {
                zones.put(record.get("province_code"), record.get("time_zone"));
            }
        }
        return zones;
    }

    private static CSVParser open(String file) throws IOException {
        Reader reader = new InputStreamReader(new ClassPathResource("data/regions/" + file).getInputStream(),
                StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }
}
