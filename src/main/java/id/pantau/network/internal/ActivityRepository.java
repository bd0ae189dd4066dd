package id.pantau.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantau.account.RegionScope;
import id.pantau.region.RegionCode;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of activities, their partners and their attendance lists. */
@Repository
class ActivityRepository {

    private static final String SELECT = """
            select a.*, g.name as region_name,
                   (select count(*) from activity_attendee t where t.activity_id = a.id) as attended_count
              from activity a join region g on g.code = a.region_code""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActivityRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A validated activity, ready to store. */
    record ActivityData(ActivityType type, String title, @Nullable String description, LocalDate date,
                        @Nullable LocalDate endDate, @Nullable LocalTime startTime, @Nullable LocalTime endTime,
                        RegionCode region, boolean online, @Nullable String place, @Nullable String onlineLink,
                        @Nullable String seriesName, @Nullable ActivityRecurrence recurrence, List<ActivityTopic> topics,
                        List<ActivitySpeaker> speakers, @Nullable Integer participantCount,
                        List<Long> organiserPartnerIds, List<Long> partnerIds) {
    }

    /** A partner someone may name in an activity, for the form's choices. */
    record PartnerChoice(long id, String name, RegionCode regionCode) {
    }

    long insert(ActivityData data, String actor, Instant now) {
        long id = jdbc.sql("""
                        insert into activity (type, title, description, starts_on, ends_on, start_time, end_time, region_code,
                                              online, place, online_link, series_name, recurrence, topics, speakers,
                                              participant_count, created_at, created_by, updated_at, updated_by)
                        values (:type, :title, :description, :date, :endDate, :startTime, :endTime, :region, :online, :place,
                                :link, :series, :recurrence, :topics, cast(:speakers as jsonb), :count, :now, :actor, :now, :actor)
                        returning id""")
                .params(columns(data, actor, now))
                .query(Long.class).single();
        writePartners(id, data);
        return id;
    }

    void update(long id, ActivityData data, String actor, Instant now) {
        Map<String, Object> params = columns(data, actor, now);
        params.put("id", id);
        jdbc.sql("""
                        update activity set type = :type, title = :title, description = :description, starts_on = :date,
                               ends_on = :endDate, start_time = :startTime, end_time = :endTime, region_code = :region,
                               online = :online, place = :place, online_link = :link, series_name = :series,
                               recurrence = :recurrence, topics = :topics, speakers = cast(:speakers as jsonb),
                               participant_count = :count, updated_at = :now, updated_by = :actor
                         where id = :id""")
                .params(params).update();
        jdbc.sql("delete from activity_partner where activity_id = ?").param(id).update();
        writePartners(id, data);
    }

    private Map<String, Object> columns(ActivityData data, String actor, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", data.type().name());
        params.put("title", data.title());
        params.put("description", data.description());
        params.put("date", data.date());
        params.put("endDate", data.endDate());
        params.put("startTime", data.startTime());
        params.put("endTime", data.endTime());
        params.put("region", data.region().value());
        params.put("online", data.online());
        params.put("place", data.place());
        params.put("link", data.onlineLink());
        params.put("series", data.seriesName());
        params.put("recurrence", data.recurrence() == null ? null : data.recurrence().name());
        params.put("topics", data.topics().stream().map(Enum::name).toArray(String[]::new));
        params.put("speakers", json.writeValueAsString(data.speakers()));
        params.put("count", data.participantCount());
        params.put("now", Timestamp.from(now));
        params.put("actor", actor);
        return params;
    }

    private void writePartners(long id, ActivityData data) {
        for (long partner : data.organiserPartnerIds()) {
            jdbc.sql("insert into activity_partner (activity_id, partner_id, role) values (?, ?, 'ORGANISER')")
                    .params(id, partner).update();
        }
        for (long partner : data.partnerIds()) {
            jdbc.sql("insert into activity_partner (activity_id, partner_id, role) values (?, ?, 'PARTICIPANT')")
                    .params(id, partner).update();
        }
    }

    Optional<ActivityView> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::map).optional()
                .map(activity -> withPartners(List.of(activity)).getFirst());
    }

    /** Locks the activity's row for a change; empty when there is no such activity. */
    Optional<RegionCode> lockRegion(long id) {
        return jdbc.sql("select region_code from activity where id = ? for update").param(id)
                .query(String.class).optional().map(RegionCode::new);
    }

    PageResult<ActivityView> list(RegionScope scope, ActivityFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>(List.of(scope.sqlCondition("a.region_code")));
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        if (filter.type() != null) {
            conditions.add("a.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.region() != null) {
            conditions.add("(a.region_code = :region or a.region_code like :regionBelow)");
            params.put("region", filter.region().value());
            params.put("regionBelow", filter.region().value() + ".%");
        }
        if (filter.from() != null) {
            conditions.add("coalesce(a.ends_on, a.starts_on) >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("a.starts_on <= :to");
            params.put("to", filter.to());
        }
        if (filter.partnerId() != null) {
            conditions.add("exists (select 1 from activity_partner p where p.activity_id = a.id and p.partner_id = :partner)");
            params.put("partner", filter.partnerId());
        }
        if (filter.topic() != null) {
            conditions.add("a.topics @> array[cast(:topic as text)]");
            params.put("topic", filter.topic().name());
        }
        String where = " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from activity a" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ActivityView> items = jdbc.sql(SELECT + where + " order by a.starts_on desc, a.id desc limit :limit offset :offset")
                .params(params).query(this::map).list();
        return PageResult.of(withPartners(items), total, page);
    }

    /**
     * The number of activities that {@code partnerId} organised or took part in and that overlap
     * the period from {@code from} to {@code to} (both days included; null leaves that end open).
     */
    long countActivities(long partnerId, @Nullable LocalDate from, @Nullable LocalDate to) {
        return jdbc.sql("""
                        select count(*) from activity a
                         where exists (select 1 from activity_partner p where p.activity_id = a.id and p.partner_id = :partner)
                           and (cast(:from as date) is null or coalesce(a.ends_on, a.starts_on) >= cast(:from as date))
                           and (cast(:to as date) is null or a.starts_on <= cast(:to as date))""")
                .param("partner", partnerId).param("from", from).param("to", to)
                .query(Long.class).single();
    }

    /** The regions of the partners among {@code ids} that exist. */
    Map<Long, RegionCode> partnerRegions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, RegionCode> regions = new HashMap<>();
        jdbc.sql("select id, region_code from partner where id = any(?)").param(ids.toArray(Long[]::new))
                .query((rs, row) -> regions.put(rs.getLong("id"), new RegionCode(rs.getString("region_code")))).list();
        return regions;
    }

    /** The regions of the volunteers among these ids that exist. */
    Map<Long, RegionCode> volunteerRegions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, RegionCode> regions = new HashMap<>();
        jdbc.sql("select id, region_code from volunteer where id = any(?)").param(ids.toArray(Long[]::new))
                .query((rs, row) -> regions.put(rs.getLong("id"), new RegionCode(rs.getString("region_code")))).list();
        return regions;
    }

    /**
     * The partners an activity of this scope may name: those in the scope, and those of the
     * regions above it (a provincial university, a ministry recorded nationally at a province).
     */
    List<PartnerChoice> partnerChoices(RegionScope scope, int limit) {
        String above = scope.isNational() ? "false" : "(:scopeRoot = region_code or :scopeRoot like region_code || '.%')";
        return jdbc.sql("select id, name, region_code from partner where " + scope.sqlCondition("region_code") + " or " + above
                        + " order by name, id limit :limit")
                .params(scope.sqlParameters()).param("limit", limit)
                .query((rs, row) -> new PartnerChoice(rs.getLong("id"), rs.getString("name"), new RegionCode(rs.getString("region_code"))))
                .list();
    }

    /** Adds an attendee unless the same person is on the list already; true when added. */
    boolean addAttendee(long activityId, String name, @Nullable String origin, @Nullable Long volunteerId, String actor,
                        Instant now) {
        return jdbc.sql("""
                        insert into activity_attendee (activity_id, name, origin, volunteer_id, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(activityId, name, origin, volunteerId, Timestamp.from(now), actor)
                .update() == 1;
    }

    boolean removeAttendee(long activityId, long attendeeId) {
        return jdbc.sql("delete from activity_attendee where activity_id = ? and id = ?").params(activityId, attendeeId)
                .update() == 1;
    }

    List<ActivityAttendance.Attendee> attendees(long activityId) {
        return jdbc.sql("select * from activity_attendee where activity_id = ? order by lower(name), id").param(activityId)
                .query(ActivityRepository::attendee).list();
    }

    /** A page of the attendees whose name or origin contains {@code q} (any case), by name. */
    PageResult<ActivityAttendance.Attendee> attendees(long activityId, @Nullable String q, PageRequest page) {
        String where = " from activity_attendee where activity_id = :activity"
                + (q == null ? "" : " and (name ilike :q or coalesce(origin, '') ilike :q)");
        Map<String, Object> params = new HashMap<>(Map.of("activity", activityId));
        if (q != null) {
            params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ActivityAttendance.Attendee> items = jdbc.sql("select *" + where + " order by lower(name), id limit :limit offset :offset")
                .params(params).query(ActivityRepository::attendee).list();
        return PageResult.of(items, total, page);
    }

    Optional<ActivityAttendance.Attendee> attendee(long activityId, long attendeeId) {
        return jdbc.sql("select * from activity_attendee where activity_id = ? and id = ?").params(activityId, attendeeId)
                .query(ActivityRepository::attendee).optional();
    }

    /** Whether someone else on the list is this person: the same name and origin, or the same volunteer. */
    boolean listsAnother(long activityId, long attendeeId, String name, @Nullable String origin, @Nullable Long volunteerId) {
        return jdbc.sql("""
                        select exists (select 1 from activity_attendee
                                        where activity_id = :activity and id <> :attendee
                                          and ((lower(name) = lower(:name) and lower(coalesce(origin, '')) = lower(coalesce(:origin, '')))
                                               or volunteer_id = :volunteer))""")
                .param("activity", activityId).param("attendee", attendeeId).param("name", name)
                .param("origin", origin, java.sql.Types.VARCHAR).param("volunteer", volunteerId, java.sql.Types.BIGINT)
                .query(Boolean.class).single();
    }

    void correctAttendee(long activityId, long attendeeId, String name, @Nullable String origin, @Nullable Long volunteerId) {
        jdbc.sql("update activity_attendee set name = ?, origin = ?, volunteer_id = ? where activity_id = ? and id = ?")
                .params(name, origin, volunteerId, activityId, attendeeId).update();
    }

    private static ActivityAttendance.Attendee attendee(ResultSet rs, int row) throws SQLException {
        return new ActivityAttendance.Attendee(rs.getLong("id"), rs.getString("name"), rs.getString("origin"),
                (Long) rs.getObject("volunteer_id"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    private List<ActivityView> withPartners(List<ActivityView> activities) {
        if (activities.isEmpty()) {
            return activities;
        }
        Map<Long, List<ActivityView.Partner>> partners = new LinkedHashMap<>();
        jdbc.sql("""
                        select ap.activity_id, ap.partner_id, ap.role, p.name
                          from activity_partner ap join partner p on p.id = ap.partner_id
                         where ap.activity_id = any(?) order by ap.role, p.name, p.id""")
                .param(activities.stream().map(ActivityView::id).toArray(Long[]::new))
                .query((rs, row) -> partners.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>())
                        .add(new ActivityView.Partner(rs.getLong("partner_id"), rs.getString("name"),
                                ActivityPartnerRole.valueOf(rs.getString("role")))))
                .list();
        return activities.stream().map(a -> {
            List<ActivityView.Partner> own = partners.getOrDefault(a.id(), List.of());
            return new ActivityView(a.id(), a.type(), a.title(), a.description(), a.date(), a.endDate(), a.startTime(),
                    a.endTime(), a.regionCode(), a.regionName(), a.online(), a.place(), a.onlineLink(), a.seriesName(),
                    a.recurrence(), a.topics(), ids(own, ActivityPartnerRole.ORGANISER), ids(own, ActivityPartnerRole.PARTICIPANT),
                    List.copyOf(own), a.speakers(), a.participantCount(), a.attendedCount(), a.createdAt(), a.createdBy(),
                    a.updatedAt(), a.updatedBy());
        }).toList();
    }

    private static List<Long> ids(List<ActivityView.Partner> partners, ActivityPartnerRole role) {
        return partners.stream().filter(p -> p.role() == role).map(ActivityView.Partner::id).toList();
    }

    private ActivityView map(ResultSet rs, int row) throws SQLException {
        String recurrence = rs.getString("recurrence");
        List<ActivityTopic> topics = Arrays.stream((String[]) rs.getArray("topics").getArray()).map(ActivityTopic::valueOf).toList();
        List<ActivitySpeaker> speakers = json.readValue(rs.getString("speakers"), new TypeReference<List<ActivitySpeaker>>() {
        });
        return new ActivityView(rs.getLong("id"), ActivityType.valueOf(rs.getString("type")), rs.getString("title"),
                rs.getString("description"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                new RegionCode(rs.getString("region_code")), rs.getString("region_name"), rs.getBoolean("online"),
                rs.getString("place"), rs.getString("online_link"), rs.getString("series_name"),
                recurrence == null ? null : ActivityRecurrence.valueOf(recurrence), topics, List.of(), List.of(), List.of(),
                speakers, (Integer) rs.getObject("participant_count"), rs.getLong("attended_count"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
