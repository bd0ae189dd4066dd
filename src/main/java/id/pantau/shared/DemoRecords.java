package id.pantau.shared;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which records belong to the demo data set ({@link DemoData}), so that a later part acts on the
 * synthetic records of an earlier one and never on a developer's own: e.g. the cases advanced are
 * those of the demo reports. Joins the caller's transaction.
 */
@Service
public class DemoRecords {

    private final JdbcClient jdbc;

    DemoRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks records of a kind (e.g. {@code report}) as synthetic. */
    public void mark(String kind, Collection<UUID> ids) {
        jdbc.sql("insert into demo_record (kind, id) select ?, unnest(?) on conflict do nothing")
                .params(kind, ids.toArray(UUID[]::new)).update();
    }

    /** The synthetic records of a kind. */
    public List<UUID> ids(String kind) {
        return jdbc.sql("select id from demo_record where kind = ? order by id").param(kind).query(UUID.class).list();
    }
}
