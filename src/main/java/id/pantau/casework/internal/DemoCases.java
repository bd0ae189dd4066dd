package id.pantau.casework.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseOutcome;
import id.pantau.casework.CaseStage;
import id.pantau.shared.DemoData;
import id.pantau.shared.DemoRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's case queue: the cases casework opened for the demo reports, walked on through the
 * workflow service by a supervisor, as far as their age makes likely. Recent ones wait in the
 * queue or are under review; older ones are registered, heard, decided, referred or declined, and
 * a few are left overdue, as happens. Steps are taken today (the law's clocks start now), so the
 * deadlines of registered cases lie ahead.
 */
@Component
@Order(500)
class DemoCases implements DemoData {

    private static final String DEMO_REPORTS = "report";
    private static final Actor SUPERVISOR = new Actor(0, "demo", Set.of(Role.STAFF), null);
    private static final String FULL = "BEGIN_REVIEW REGISTER BEGIN_CLARIFICATION RECORD_CLARIFICATION BEGIN_ASSESSMENT TO_PLENARY";

    /** How far a case of at least {@code minAgeDays} gets, how often (weight), by which actions. */
    private record Path(int minAgeDays, int weight, String actions) {
    }

    private static final List<Path> PATHS = List.of(
            new Path(0, 70, ""),
            new Path(0, 30, "BEGIN_REVIEW"),
            new Path(2, 6, ""),
            new Path(2, 6, "BEGIN_REVIEW"),
            new Path(2, 20, "BEGIN_REVIEW REQUEST_COMPLETION"),
            new Path(2, 25, "BEGIN_REVIEW REGISTER"),
            new Path(2, 13, "BEGIN_REVIEW REGISTER BEGIN_CLARIFICATION RECORD_CLARIFICATION"),
            new Path(2, 30, "BEGIN_REVIEW DECLINE"),
            new Path(7, 3, ""),
            new Path(7, 52, "BEGIN_REVIEW DECLINE"),
            new Path(7, 10, "BEGIN_REVIEW REGISTER"),
            new Path(7, 10, "BEGIN_REVIEW REGISTER EXTEND BEGIN_CLARIFICATION RECORD_CLARIFICATION"),
            new Path(7, 10, FULL),
            new Path(7, 5, FULL + " DECIDE:ADMINISTRATIVE"),
            // most reports do not meet the requirements and are not registered
            new Path(21, 2, ""),
            new Path(21, 68, "BEGIN_REVIEW DECLINE"),
            new Path(21, 16, "BEGIN_REVIEW DECLINE CLOSE"),
            new Path(21, 5, FULL + " DECIDE:NOT_A_VIOLATION CLOSE"),
            new Path(21, 5, FULL + " DECIDE:ADMINISTRATIVE REFER"),
            new Path(21, 2, FULL + " DECIDE:CRIMINAL REFER"),
            new Path(21, 2, FULL + " DECIDE:ETHICS REFER"));

    private final CaseHandling handling;
    private final DemoRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCases(CaseHandling handling, DemoRecords records, JdbcClient jdbc, Clock clock) {
        this.handling = handling;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "casework.cases";
    }

    private record Opened(UUID id, Instant receivedAt, String timeZone) {
    }

    @Override
    public String load() {
        Random random = new Random(SEED + 500);
        Instant now = clock.instant();
        List<Opened> cases = jdbc.sql("""
                        select c.id, c.received_at, c.time_zone from legal_case c
                         where c.stage = 'RECEIVED'
                           and exists (select 1 from case_report r where r.case_id = c.id and r.report_id = any(?))
                         order by c.received_at, c.id""")
                .param(records.ids(DEMO_REPORTS).toArray(UUID[]::new))
                .query(Opened.class).list();
        int actions = 0;
        for (Opened opened : cases) {
            long age = Duration.between(opened.receivedAt(), now).toDays();
            // the oldest band the case is in decides its paths
            int band = PATHS.stream().mapToInt(Path::minAgeDays).filter(min -> min <= age).max().orElse(0);
            List<Path> choices = PATHS.stream().filter(p -> p.minAgeDays() == band).toList();
            Path path = choices.get(pick(random, choices));
            for (String step : path.actions().isBlank() ? new String[0] : path.actions().split(" ")) {
                actions++;
                handling.act(SUPERVISOR, opened.id(), request(step, now, ZoneId.of(opened.timeZone()), actions));
            }
        }
        Map<CaseStage, Integer> stages = new EnumMap<>(CaseStage.class);
        jdbc.sql("""
                        select c.stage, count(*) from legal_case c
                         where exists (select 1 from case_report r where r.case_id = c.id and r.report_id = any(?))
                         group by c.stage""")
                .param(records.ids(DEMO_REPORTS).toArray(UUID[]::new))
                .query((rs, row) -> stages.put(CaseStage.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return "%d cases walked on with %d actions; now by stage %s".formatted(cases.size(), actions, stages);
    }

    /** The action with what the workflow asks of it; {@code DECIDE:CRIMINAL} names the outcome. */
    private static ActionRequest request(String step, Instant now, ZoneId zone, int serial) {
        String[] parts = step.split(":");
        CaseAction action = CaseAction.valueOf(parts[0]);
        @Nullable CaseOutcome outcome = parts.length > 1 ? CaseOutcome.valueOf(parts[1]) : null;
        String note = "[DEMO] langkah contoh (data sintetis)";
        return switch (action) {
            case REQUEST_COMPLETION -> new ActionRequest(action, note, null, List.of(Requirement.EVIDENCE), null, null, null,
                    null, null, null, null, null, null, null, null);
            case REGISTER -> new ActionRequest(action, note, null, null, Arrays.asList(Requirement.values()), null, null, null,
                    null, null, null, null, null, null, null);
            case DECLINE -> new ActionRequest(action, note, "Syarat formil dan materiil tidak terpenuhi (contoh).", null, null,
                    "Tidak memenuhi syarat (contoh)", null, null, null, null, null, null, null, null, null);
            case EXTEND -> new ActionRequest(action, note, null, null, null, "Keterangan tambahan diperlukan (contoh)", null,
                    null, null, null, null, null, null, null, null);
            case RECORD_CLARIFICATION -> new ActionRequest(action, note, null, null, null, null,
                    List.of("Pelapor (contoh)", "Terlapor (contoh)"), now.minus(Duration.ofHours(2)).atZone(zone).toOffsetDateTime(),
                    null, null, null, null, null, null, null);
            case DECIDE -> new ActionRequest(action, note, null, null, null, null, null, null, outcome, null, null, null, null,
                    null, null);
            case REFER -> new ActionRequest(action, note, null, null, null, null, null, null, null, null, null,
                    "DEMO/" + serial + "/PP.01.02", LocalDate.ofInstant(now, zone), null, null);
            default -> new ActionRequest(action, note, null, null, null, null, null, null, null, null, null, null, null, null,
                    null);
        };
    }

    private static int pick(Random random, List<Path> paths) {
        int at = random.nextInt(paths.stream().mapToInt(Path::weight).sum());
        for (int i = 0; i < paths.size(); i++) {
            at -= paths.get(i).weight();
            if (at < 0) {
                return i;
            }
        }
        return paths.size() - 1;
    }
}
