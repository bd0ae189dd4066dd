package id.pantau.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.report.Reports;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case counts by region come from the rollups (by type and stage down to regencies, without them
 * down to districts) or from the cases; every path gives what a count of the non-merged cases gives.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStatisticsSourcesTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseStatistics statistics;
    LocalDate today;

    @BeforeAll
    void cases() {
        long before = jdbc.sql("select count(*) from legal_case").query(Long.class).single();
        // villages of two districts of Situbondo (35.12) and one of Bondowoso (35.11)
        for (String village : List.of("35.12.01.2001", "35.12.01.2002", "35.12.02.2001", "35.11.01.2001")) {
            Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                    "description", "Uang dibagikan di " + village + " oleh orang yang tidak dikenal warga setempat."));
        }
        await().until(() -> jdbc.sql("select count(*) from legal_case").query(Long.class).single() >= before + 4);
        today = LocalDate.now(WIB);
    }

    @Test
    void everyLevelUnderEveryParentCountsLikeTheCases() {
        record Question(String parent, RegionLevel level, String category) {
        }
        List<Question> questions = List.of(
                new Question(null, RegionLevel.PROVINCE, null),
                new Question(null, RegionLevel.REGENCY, null),
                new Question("35", RegionLevel.REGENCY, null),
                new Question("35", RegionLevel.DISTRICT, null),
                new Question("35.12", RegionLevel.DISTRICT, null),
                new Question("35.12", RegionLevel.VILLAGE, null),
                new Question("35", RegionLevel.REGENCY, "MONEY_POLITICS"),
                new Question("35.12", RegionLevel.DISTRICT, "MONEY_POLITICS"));
        for (Question q : questions) {
            CaseStatistics.Counts counts = statistics.count(q.parent() == null ? null : new RegionCode(q.parent()), q.category(),
                    today.minusDays(1), today, q.level());
            Map<String, Long> expected = counted(q.parent(), q.level(), q.category());
            assertThat(counts.byKey()).as(q.toString()).isNotEmpty().isEqualTo(expected);
            assertThat(counts.cases()).as(q.toString()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private Map<String, Long> counted(String parent, RegionLevel level, String category) {
        int length = switch (level) {
            case PROVINCE -> 2;
            case REGENCY -> 5;
            case DISTRICT -> 8;
            case VILLAGE -> 13;
        };
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                        select left(region_code, :length), count(*) from legal_case
                         where stage <> 'MERGED' and length(region_code) >= :length
                           and (received_at at time zone 'Asia/Jakarta')::date between :from and :to
                           and (cast(:parent as text) is null or region_code like :parent || '.%')
                           and (cast(:category as text) is null or category_code = :category)
                         group by 1""")
                .param("length", length).param("from", today.minusDays(1)).param("to", today)
                .param("parent", parent).param("category", category)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
