package id.pantau.network.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.report.ReportCounts;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner or a team contributes in a period (days in WIB, both ends included):
 * <ul>
 *   <li>members: approved volunteers affiliated with the partner or in a team it formed (for a
 *       team: its approved members), who had joined by the end of the period;</li>
 *   <li>active members: those who filed a report for it or attended an activity in the period;</li>
 *   <li>reports: reports filed for it in the period: a volunteer's report carries the partner and
 *       teams the volunteer reported for when filing it, so it stays theirs if the volunteer moves;</li>
 *   <li>activities: activities the partner organised or took part in (for a team: that its
 *       members attended) that overlap the period;</li>
 *   <li>agreements in force: the partner's agreements (for a team: its forming partner's) signed
 *       and valid at some time in the period.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
class Contributions {

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Teams teams;
    private final ActivityService activities;
    private final ReportCounts reports;
    private final Clock clock;

    Contributions(JdbcClient jdbc, Partners partners, Teams teams, ActivityService activities, ReportCounts reports,
                  Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.teams = teams;
        this.activities = activities;
        this.reports = reports;
        this.clock = clock;
    }

    record Contribution(String subject, long id, String name, RegionCode regionCode, LocalDate from, LocalDate to,
                        long members, long activeMembers, long reports, long activities, long agreementsInForce) {
    }

    record Period(LocalDate from, LocalDate to) {

        Instant start() {
            return from.atStartOfDay(Agreements.CALENDAR_ZONE).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(Agreements.CALENDAR_ZONE).toInstant();
        }
    }

    /** The period asked for: by default from the start of this year to today. */
    Period period(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(Agreements.CALENDAR_ZONE));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            throw InvalidInputException.of("from", "from.afterTo", "must not be after to");
        }
        return new Period(start, end);
    }

    Contribution ofPartner(Actor actor, long partnerId, Period period) {
        Partners.PartnerView partner = partners.get(actor, partnerId);
        List<Member> members = jdbc.sql("""
                        select distinct v.id, v.account_id from volunteer v
                         where v.status = 'APPROVED' and v.created_at < :end
                           and (v.affiliation_partner_id = :partner
                                or exists (select 1 from team_member m join team t on t.id = m.team_id
                                            where m.volunteer_id = v.id and t.formed_by_partner_id = :partner
                                              and m.created_at < :end))""")
                .param("partner", partnerId).param("end", java.sql.Timestamp.from(period.end()))
                .query((rs, i) -> new Member(rs.getLong(1), (Long) rs.getObject(2))).list();
        long activityCount = activities.countActivities(partnerId, period.from(), period.to());
        return figures("PARTNER", partnerId, partner.name(), partner.regionCode(), period, members,
                reports.forPartner(partnerId, period.start(), period.end()), activityCount,
                agreementsInForce(List.of(partnerId), period));
    }

    Contribution ofTeam(Actor actor, long teamId, Period period) {
        Teams.TeamView team = teams.get(actor, teamId);
        List<Member> members = jdbc.sql("""
                        select v.id, v.account_id from team_member m join volunteer v on v.id = m.volunteer_id
                         where m.team_id = ? and v.status = 'APPROVED' and m.created_at < ?""")
                .params(teamId, java.sql.Timestamp.from(period.end()))
                .query((rs, i) -> new Member(rs.getLong(1), (Long) rs.getObject(2))).list();
        long activityCount = members.isEmpty() ? 0 : jdbc.sql("""
                        select count(distinct a.id) from activity a join activity_attendee at on at.activity_id = a.id
                         where at.volunteer_id = any(:volunteers)
                           and a.starts_on <= :to and coalesce(a.ends_on, a.starts_on) >= :from""")
                .param("volunteers", members.stream().map(Member::volunteerId).toArray(Long[]::new))
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query(Long.class).single();
        long agreementsCount = team.formedByPartnerId() == null ? 0
                : agreementsInForce(List.of(team.formedByPartnerId()), period);
        return figures("TEAM", teamId, team.name(), team.regionCode(), period, members,
                reports.forTeam(teamId, period.start(), period.end()), activityCount, agreementsCount);
    }

    /** Whose figures a region's overview lists. */
    enum Subject { PARTNER, TEAM }

    /** Every partner (or team) in a region of the actor's scope, with its figures, by name. */
    PageResult<Contribution> byRegion(Actor actor, Subject subject, @Nullable RegionCode region, Period period,
                                      PageRequest page) {
        if (region != null) {
            actor.requireScope(region);
        }
        return subject == Subject.TEAM
                ? teams.list(actor, region, null, null, page).map(t -> ofTeam(actor, t.id(), period))
                : partners.list(actor, region, null, null, page).map(p -> ofPartner(actor, p.id(), period));
    }

    private record Member(long volunteerId, @Nullable Long accountId) {
    }

    private Contribution figures(String subject, long id, String name, RegionCode region, Period period,
                                 List<Member> members, ReportCounts.Filed filed, long activityCount, long agreementsCount) {
        Set<Long> active = new HashSet<>();
        Set<Long> activeAccounts = new HashSet<>(filed.submitters());
        members.stream().filter(m -> m.accountId() != null && activeAccounts.contains(m.accountId()))
                .forEach(m -> active.add(m.volunteerId()));
        if (!members.isEmpty()) {
            active.addAll(jdbc.sql("""
                            select distinct at.volunteer_id from activity_attendee at join activity a on a.id = at.activity_id
                             where at.volunteer_id = any(:volunteers)
                               and a.starts_on <= :to and coalesce(a.ends_on, a.starts_on) >= :from""")
                    .param("volunteers", members.stream().map(Member::volunteerId).toArray(Long[]::new))
                    .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                    .query(Long.class).list());
        }
        return new Contribution(subject, id, name, region, period.from(), period.to(), members.size(), active.size(),
                filed.reports(), activityCount, agreementsCount);
    }

    /**
     * Agreements of these partners that were in force at some time in the period: signed on or
     * before its end, valid until its start or later (open-ended if no end date), and not
     * terminated before it began.
     */
    private long agreementsInForce(List<Long> partnerIds, Period period) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("partners", partnerIds.toArray(Long[]::new));
        params.put("from", Date.valueOf(period.from()));
        params.put("to", Date.valueOf(period.to()));
        conditions.add("a.status in ('SIGNED', 'ACTIVE', 'EXPIRED', 'TERMINATED')");
        conditions.add("a.signed_on <= :to");
        conditions.add("(a.valid_until is null or a.valid_until >= :from)");
        conditions.add("""
                not exists (select 1 from agreement_event e where e.agreement_id = a.id and e.to_status = 'TERMINATED'
                             and coalesce(e.on_date, (e.at at time zone 'Asia/Jakarta')::date) < :from)""");
        return jdbc.sql("""
                        select count(distinct a.id) from agreement a join agreement_partner ap on ap.agreement_id = a.id
                         where ap.partner_id = any(:partners)""" + " and " + String.join(" and ", conditions))
                .params(params).query(Long.class).single();
    }
}
