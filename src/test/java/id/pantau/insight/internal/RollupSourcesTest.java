package id.pantau.insight.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a statistics question is answered from the rollups (cells per type down to regencies,
 * cells without type down to districts, districts of a province through its regencies, pending
 * deltas) gives what a count of the facts gives. The facts lie in Gorontalo (75) in March 2023, a
 * province and month no other test reports in; half of them are folded here, the others when the
 * scheduled fold comes: pending or folded, the answers must be the same.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupSourcesTest {

    private static final LocalDate FROM = LocalDate.parse("2023-03-01");
    private static final LocalDate TO = LocalDate.parse("2023-03-20");
    private static final List<String> TYPES = List.of("MONEY_POLITICS", "CAMPAIGN", "NEUTRALITY");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportStatistics statistics;
    @Autowired
    RollupFold fold;
    ReportFacts facts;
    String regency;
    String district;

    @Autowired
    void listener(ReportFacts proxied) {
        facts = AopTestUtils.getUltimateTargetObject(proxied);
    }

    @BeforeAll
    void facts() {
        List<String> villages = jdbc.sql("select code from region where level = 'VILLAGE' and code like '75.%' order by code")
                .query(String.class).list();
        Random random = new Random(75);
        List<UUID> incidents = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            if (i == 200) {
                fold.fold();
            }
            UUID incident = null;
            if (!incidents.isEmpty() && random.nextInt(4) == 0) {
                incident = incidents.get(random.nextInt(incidents.size()));
            } else if (random.nextInt(5) == 0) {
                incident = UUID.randomUUID();
                incidents.add(incident);
            }
            // clustered in a few villages, so that some districts have many facts and most none
            String village = villages.get(random.nextInt(3) == 0 ? random.nextInt(villages.size()) : random.nextInt(40));
            // most in March 2023, some around the turn of the year, for periods across two years
            LocalDate day = i % 4 == 3 ? LocalDate.parse("2022-12-20").plusDays(random.nextInt(25)) : FROM.plusDays(random.nextInt(20));
            facts.record(UUID.randomUUID(), incident, day, new RegionCode(village),
                    TYPES.get(random.nextInt(TYPES.size())), "LAPORAN", false);
        }
        regency = villages.getFirst().substring(0, 5);
        district = villages.getFirst().substring(0, 8);
    }

    @Test
    void districtsOfAProvinceAndOfARegencyCountLikeTheFacts() {
        for (boolean incidents : List.of(false, true)) {
            assertThat(byKey(statistics.reports(question("region", "75", RegionLevel.DISTRICT, null, incidents), Locale.ROOT)))
                    .isEqualTo(counted("district", "province = '75'", incidents));
            assertThat(byKey(statistics.reports(question("region", regency, RegionLevel.DISTRICT, null, incidents), Locale.ROOT)))
                    .isEqualTo(counted("district", "regency = '" + regency + "'", incidents));
            assertThat(byKey(statistics.reports(question("region", "75", RegionLevel.REGENCY, null, incidents), Locale.ROOT)))
                    .isEqualTo(counted("regency", "province = '75'", incidents));
        }
    }

    @Test
    void daysOfADistrictAndTypesOfAProvinceCountLikeTheFacts() {
        Map<String, Long> days = byKey(statistics.reports(question("day", district, RegionLevel.VILLAGE, null, false), Locale.ROOT));
        days.values().removeIf(n -> n == 0);
        assertThat(days).isNotEmpty().isEqualTo(counted("day::text", "district = '" + district + "'", false));
        assertThat(byKey(statistics.reports(question("category", "75", RegionLevel.REGENCY, null, true), Locale.ROOT)))
                .isEqualTo(counted("category_code", "province = '75'", true));
        assertThat(byKey(statistics.reports(question("region", "75", RegionLevel.REGENCY, "CAMPAIGN", false), Locale.ROOT)))
                .isEqualTo(counted("regency", "province = '75' and category_code = 'CAMPAIGN'", false));
    }

    @Test
    void theEarlyWarningWindowsOfDistrictsCountLikeTheFacts() {
        LocalDate observedFrom = LocalDate.parse("2023-03-14");
        Map<String, String> windows = new HashMap<>();
        statistics.incidentWindows(new RegionCode("75"), RegionLevel.DISTRICT, FROM, observedFrom, TO)
                .forEach(w -> windows.put(w.regionCode(), w.observed() + "/" + w.baseline()));
        Map<String, String> expected = new HashMap<>();
        jdbc.sql("""
                        select district, count(*) filter (where head and day >= ?) || '/' || count(*) filter (where head and day < ?)
                          from insight_report where province = '75' and day between ? and ?
                         group by 1 having count(*) filter (where head) > 0""")
                .params(observedFrom, observedFrom, FROM, TO)
                .query(rs -> {
                    expected.put(rs.getString(1), rs.getString(2));
                });
        assertThat(windows).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void incidentsByRegionAndTypeOverPeriodsAcrossTheYearCountLikeTheFacts() {
        record Period(LocalDate from, LocalDate to) {
        }
        List<Period> periods = List.of(new Period(LocalDate.parse("2022-12-25"), LocalDate.parse("2023-03-10")),
                new Period(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-01-01")),
                new Period(LocalDate.parse("2022-12-31"), LocalDate.parse("2023-01-02")),
                new Period(FROM, TO));
        for (Period p : periods) {
            for (String parent : java.util.Arrays.asList(null, "75")) {
                for (RegionLevel level : List.of(RegionLevel.PROVINCE, RegionLevel.REGENCY, RegionLevel.DISTRICT)) {
                    if (parent == null ? level == RegionLevel.DISTRICT : level == RegionLevel.PROVINCE) {
                        continue;
                    }
                    Map<String, Long> answered = new HashMap<>();
                    statistics.incidentsByRegionAndType(parent == null ? null : new RegionCode(parent), level, p.from(), p.to())
                            .forEach(c -> answered.put(c.regionCode() + " " + c.categoryCode(), c.incidents()));
                    Map<String, Long> expected = new HashMap<>();
                    String column = ReportStatistics.column(level);
                    jdbc.sql("select " + column + " || ' ' || category_code, count(*) filter (where head) from insight_report"
                                    + " where day between ? and ? and " + column + " is not null"
                                    + (parent == null ? "" : " and province = '" + parent + "'")
                                    + " group by 1 having count(*) filter (where head) > 0")
                            .params(p.from(), p.to())
                            .query(rs -> {
                                expected.put(rs.getString(1), rs.getLong(2));
                            });
                    assertThat(answered).as(p + " " + parent + " " + level).isNotEmpty().isEqualTo(expected);
                }
            }
        }
    }

    private static StatsRequest question(String groupBy, String parent, RegionLevel level, String category, boolean incidents) {
        return new StatsRequest(groupBy, new RegionCode(parent), level, FROM, TO, category, incidents);
    }

    private static Map<String, Long> byKey(ReportStatistics.Stats stats) {
        Map<String, Long> counts = new HashMap<>();
        stats.items().forEach(item -> counts.put(item.key(), item.count()));
        return counts;
    }

    private Map<String, Long> counted(String key, String where, boolean incidents) {
        Map<String, Long> counts = new HashMap<>();
        String count = incidents ? "count(*) filter (where head)" : "count(*)";
        jdbc.sql("select " + key + ", " + count + " from insight_report where " + where + " and day between ? and ?"
                        + " group by 1 having " + count + " > 0")
                .params(FROM, TO)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
