package id.pantau.election.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The editable holiday table that {@link id.pantau.election.LegalCalendar} counts working days with. */
@Repository
class HolidayRepository {

    private static final String COLUMNS = "day, kind, name_id, name_en, source";

    private final JdbcClient jdbc;

    HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Holiday> inYear(int year) {
        return jdbc.sql("select " + COLUMNS + " from holiday where day >= ? and day < ? order by day")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .query(HolidayRepository::map).list();
    }

    List<Holiday> all() {
        return jdbc.sql("select " + COLUMNS + " from holiday order by day").query(HolidayRepository::map).list();
    }

    /** The years that have at least one holiday, earliest first. */
    List<Integer> years() {
        return jdbc.sql("select distinct extract(year from day)::int as year from holiday order by year")
                .query(Integer.class).list();
    }

    Optional<Holiday> find(LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from holiday where day = ?").param(day)
                .query(HolidayRepository::map).optional();
    }

    /** False when the day is already in the table. */
    boolean insert(Holiday holiday) {
        return jdbc.sql("""
                        insert into holiday (day, kind, name_id, name_en, source) values (?, ?, ?, ?, ?)
                        on conflict (day) do nothing""")
                .params(holiday.day(), holiday.kind().name(), holiday.name(), holiday.nameEn(), holiday.source())
                .update() == 1;
    }

    Optional<Holiday> delete(LocalDate day) {
        return jdbc.sql("delete from holiday where day = ? returning " + COLUMNS).param(day)
                .query(HolidayRepository::map).optional();
    }

    private static Holiday map(ResultSet rs, int row) throws SQLException {
        return new Holiday(rs.getObject("day", LocalDate.class), HolidayKind.valueOf(rs.getString("kind")),
                rs.getString("name_id"), rs.getString("name_en"), rs.getString("source"));
    }
}
