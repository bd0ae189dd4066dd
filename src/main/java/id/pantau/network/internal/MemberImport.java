package id.pantau.network.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PersonalDataCipher;
import id.pantau.shared.Violations;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's member list as CSV (header {@code name,phone,regionCode,role,origin[,tps]},
 * comma or semicolon separated, as spreadsheets in Indonesian locales write it). Every row is
 * checked; the valid ones become approved volunteers (without accounts) and team members in one
 * transaction, the invalid ones are listed by row and field and write nothing. A failure while
 * writing rolls the whole import back: nothing is half-written.
 */
@Service
class MemberImport {

    static final int MAX_ROWS = 5_000;
    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final List<String> REQUIRED_COLUMNS = List.of("name", "phone", "regionCode", "role", "origin");
    static final List<String> COLUMNS = List.of("name", "phone", "regionCode", "role", "origin", "tps");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Teams teams;
    private final Regions regions;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    MemberImport(JdbcClient jdbc, JdbcTemplate batch, Teams teams, Regions regions, PersonalDataCipher cipher,
                 AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.teams = teams;
        this.regions = regions;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** One rejected field of one row; {@code row} counts the header as row 1, like a spreadsheet. */
    record Rejection(long row, String field, String code, String message) {
    }

    record Result(int imported, List<Rejection> rejected) {
    }

    private record Row(long row, String name, String phone, RegionCode region, Teams.Assignment assignment) {
    }

    @Transactional
    Result importMembers(Actor actor, long teamId, byte @Nullable [] file) {
        Teams.TeamView team = teams.manageable(actor, teamId);
        String text = decode(file);
        List<Row> valid = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        boolean coordinatorTaken = jdbc.sql("select exists (select 1 from team_member where team_id = ? and role = 'COORDINATOR')")
                .param(teamId).query(Boolean.class).single();
        Set<String> phones = new HashSet<>();
        try (CSVParser parser = parser(text)) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                long rowNumber = record.getRecordNumber() + 1;
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw badFile("file.tooManyRows", "has more than " + MAX_ROWS + " rows; split it into several files");
                }
                Violations violations = new Violations();
                String name = VolunteerRules.name(value(record, "name"), "name", violations);
                String phone = VolunteerRules.phone(value(record, "phone"), "phone", violations);
                RegionCode region = VolunteerRules.region(value(record, "regionCode"), "regionCode", regions, violations);
                if (region != null && !team.regionCode().contains(region)) {
                    violations.add("regionCode", "areaCode.outsideTeam", "must lie in the team's region " + team.regionCode());
                    region = null;
                }
                Integer tps = tps(value(record, "tps"), violations);
                Teams.Assignment assignment = teams.checkAssignment(team.regionCode(), value(record, "role"),
                        value(record, "origin"), region == null ? null : region.value(), tps, "", violations);
                // the area is the row's regionCode: name its mistakes after that column
                List<Rejection> rowRejections = new ArrayList<>();
                if (phone != null && !phones.add(phone)) {
                    violations.add("phone", "phone.duplicateInFile", "appears in an earlier row of this file");
                }
                if (assignment.role() == TeamRole.COORDINATOR && coordinatorTaken) {
                    violations.add("role", "role.coordinatorTaken", "the team already has a coordinator");
                }
                try {
                    violations.throwIfAny();
                } catch (InvalidInputException e) {
                    for (FieldViolation v : e.violations()) {
                        String field = v.field().equals("areaCode") ? "regionCode" : v.field();
                        rowRejections.add(new Rejection(rowNumber, field, v.code(), v.message()));
                    }
                }
                if (rowRejections.isEmpty()) {
                    valid.add(new Row(rowNumber, name, phone, region, assignment));
                    coordinatorTaken |= assignment.role() == TeamRole.COORDINATOR;
                } else {
                    rejected.addAll(rowRejections);
                }
            }
        } catch (IllegalArgumentException e) {
            throw badFile("file.header", "has a header that cannot be read (a column named twice?); the header must be "
                    + String.join(",", COLUMNS) + " (tps optional)");
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw badFile("file.malformed", "is not a readable CSV file: " + (e.getMessage() == null ? "" : e.getMessage()
                    .replaceAll("[\\r\\n]+", " ")));
        }
        List<Long> volunteerIds = write(teamId, valid, actor.username());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("imported", valid.size());
        details.put("rejected", rejected.stream().map(Rejection::row).distinct().count());
        details.put("volunteerIds", volunteerIds);
        audit.record(actor.username(), "TEAM_MEMBERS_IMPORTED", "team:" + teamId, details);
        return new Result(valid.size(), rejected);
    }

    private List<Long> write(long teamId, List<Row> rows, String by) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('volunteer', 'id')) from generate_series(1, ?)")
                .param(rows.size()).query(Long.class).list();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> volunteers = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            long id = ids.get(i);
            volunteers.add(new Object[]{id, row.name(), cipher.seal(row.phone().getBytes(StandardCharsets.UTF_8), "volunteer:" + id),
                    NetworkMasks.phone(row.phone()), row.region().value(), now, by, now});
            Teams.Assignment a = row.assignment();
            members.add(new Object[]{teamId, id, a.role().name(), a.origin().name(),
                    a.area() == null ? null : a.area().value(), a.tps(), now, by, now});
        }
        try {
            batch.batchUpdate("""
                    insert into volunteer (id, name, phone, phone_masked, region_code, status, source, created_at,
                                           created_by, updated_at)
                    values (?, ?, ?, ?, ?, 'APPROVED', 'IMPORT', ?, ?, ?)""", volunteers);
            batch.batchUpdate("""
                    insert into team_member (team_id, volunteer_id, role, origin, area_code, tps, created_at, created_by,
                                             updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", members);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(new FieldViolation("file", "import.conflict",
                    "the team changed while importing (e.g. another coordinator was added); nothing was imported, try again"));
        }
        return ids;
    }

    /** The members as CSV in the import's columns, phone numbers masked; cells that a spreadsheet would run are defused. */
    String export(List<Teams.MemberView> members) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("name", "phone", "regionCode", "role", "origin", "tps", "volunteerId").get())) {
            for (Teams.MemberView m : members) {
                printer.printRecord(defuse(m.name()), m.phone(), m.areaCode() == null ? "" : m.areaCode().value(),
                        m.role(), m.origin(), m.tps() == null ? "" : m.tps(), m.volunteerId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String defuse(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String decode(byte @Nullable [] file) {
        if (file == null || file.length == 0) {
            throw badFile("required", "is required: a CSV file with the header " + String.join(",", COLUMNS));
        }
        if (file.length > MAX_BYTES) {
            throw badFile("file.tooLarge", "must be at most 2 MB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw badFile("file.notCsv", "is not a CSV text file (UTF-8)");
        }
        if (text.indexOf('\0') >= 0) {
            throw badFile("file.notCsv", "is not a CSV text file");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static CSVParser parser(String text) throws IOException {
        int lineEnd = text.indexOf('\n');
        String header = lineEnd < 0 ? text : text.substring(0, lineEnd);
        char delimiter = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setIgnoreHeaderCase(true).get().parse(new StringReader(text));
    }

    private static void checkHeader(List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (column.isBlank()) {
                continue;
            }
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(column.strip())).findFirst().orElse(null);
            if (known == null) {
                throw badFile("file.header", "has an unknown column '" + column + "'; the header must be "
                        + String.join(",", COLUMNS) + " (tps optional)");
            }
            seen.add(known);
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw badFile("file.header", "lacks the column(s) " + String.join(", ", missing) + "; the header must be "
                    + String.join(",", COLUMNS) + " (tps optional)");
        }
    }

    private static @Nullable String value(CSVRecord record, String column) {
        for (String name : record.getParser().getHeaderNames()) {
            if (name.strip().equalsIgnoreCase(column)) {
                return record.isSet(name) ? record.get(name) : null;
            }
        }
        return null;
    }

    private static @Nullable Integer tps(@Nullable String raw, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            violations.add("tps", "tps.range", "must be a TPS number between 1 and 999");
            return null;
        }
    }

    private static InvalidInputException badFile(String code, String message) {
        return new InvalidInputException(List.of(new FieldViolation("file", code, message)));
    }
}
