package id.pantau.region;

import id.pantau.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loaded region table: complete, consistent, and loaded once however often Flyway runs. */
@IntegrationTest
class RegionDataTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Flyway flyway;

    @Test
    void migratingAgainLoadsNothingTwice() {
        long before = jdbc.sql("select count(*) from region").query(Long.class).single();

        assertThat(flyway.migrate().migrationsExecuted).isZero();

        assertThat(before).isEqualTo(38 + 514 + 7_285 + 83_762);
        assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void everyRegionHangsUnderItsPrefixParentAndShareItsTimeZone() {
        long orphans = jdbc.sql("""
                select count(*) from region r left join region p on p.code = r.parent_code
                 where r.level <> 'PROVINCE'
                   and (p.code is null or r.code not like p.code || '.%' or r.time_zone <> p.time_zone)""")
                .query(Long.class).single();

        assertThat(orphans).isZero();
    }

    @Test
    void theParentForeignKeyGuardsTheTable() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into region (code, parent_code, level, name, search_name, time_zone)
                values ('35.99', '99', 'REGENCY', 'Nowhere', 'nowhere', 'Asia/Jakarta')""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void namesAreStoredInTheirSearchForm() {
        assertThat(jdbc.sql("select search_name from region where code = '53.07.01.2021'").query(String.class).single())
                .isEqualTo("regapuu");
    }
}
