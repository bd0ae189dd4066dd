package id.pantau.network.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.Role;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Notices to offices: agreements that end within the warning period and follow-ups past their due
 * date. Each notice is a row, raised once (its key is unique), so the job may run on every node;
 * it is mailed when an SMTP server is configured ({@code SPRING_MAIL_HOST}) and kept either way.
 */
@Service
class NetworkNotifications {

    private static final Logger log = LoggerFactory.getLogger(NetworkNotifications.class);

    /** The actor of the job's own changes in the history and the audit trail. */
    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final int expiryWarningDays;
    private final List<String> recipients;
    private final String from;

    NetworkNotifications(JdbcClient jdbc, AuditTrail audit, org.springframework.transaction.support.TransactionTemplate transaction,
                         ObjectProvider<JavaMailSender> mail, Clock clock,
                         @Value("${pantau.notifications.agreement-expiry-days:30}") int expiryWarningDays,
                         @Value("${pantau.notifications.mail-to:}") String recipients,
                         @Value("${pantau.notifications.mail-from:pantau@localhost}") String from) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = transaction;
        this.mail = mail;
        this.clock = clock;
        this.expiryWarningDays = expiryWarningDays;
        this.recipients = java.util.Arrays.stream(recipients.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.from = from;
    }

    /** A notice; {@code sentAt} once mailed, {@code sendError} what the mail server answered when it refused. */
    record Notice(long id, String kind, String subjectKey, @Nullable String regionCode, String title, String body,
                  java.time.Instant createdAt, java.time.@Nullable Instant sentAt, @Nullable String sendError) {
    }

    @Scheduled(cron = "${pantau.notifications.cron:0 7 * * * *}")
    void run() {
        expireEnded();
        raise();
        send();
    }

    /**
     * Agreements in force whose validity ended yesterday or before become EXPIRED, recorded in
     * their history and in the audit trail as done by the system, in one transaction.
     */
    int expireEnded() {
        LocalDate today = LocalDate.now(clock.withZone(Agreements.CALENDAR_ZONE));
        List<Long> ended = transaction.execute(status -> {
            List<Long> ids = jdbc.sql("""
                            with ended as (
                                update agreement set status = 'EXPIRED', updated_at = :now
                                 where status = 'ACTIVE' and valid_until < :today
                                returning id, valid_until),
                            history as (
                                insert into agreement_event (agreement_id, at, actor, from_status, to_status, on_date, note)
                                select id, :now, 'system', 'ACTIVE', 'EXPIRED', :today, 'masa berlaku berakhir' from ended)
                            select id from ended order by id""")
                    .param("now", Timestamp.from(clock.instant())).param("today", Date.valueOf(today))
                    .query(Long.class).list();
            for (Long id : ids) {
                audit.record(SYSTEM, "AGREEMENT_EXPIRED", "agreement:" + id,
                        Map.of("from", "ACTIVE", "to", "EXPIRED", "date", today.toString(), "reason", "validUntil passed"));
            }
            return ids;
        });
        return ended == null ? 0 : ended.size();
    }

    /** Raises the notices not raised yet; returns how many were new. */
    int raise() {
        LocalDate today = LocalDate.now(clock.withZone(Agreements.CALENDAR_ZONE));
        Timestamp now = Timestamp.from(clock.instant());
        int expiring = jdbc.sql("""
                        insert into notification (kind, subject_key, region_code, title, body, created_at)
                        select 'AGREEMENT_EXPIRING', 'agreement:' || id || ':' || valid_until, region_code,
                               'Perjanjian kerja sama berakhir ' || to_char(valid_until, 'DD-MM-YYYY') || ': ' || title,
                               'Perjanjian "' || title || '" (status ' || status || ') berlaku sampai '
                                   || to_char(valid_until, 'DD-MM-YYYY') || '. Tindak lanjuti perpanjangan bila diperlukan.',
                               :now
                          from agreement
                         where status in ('SIGNED', 'ACTIVE') and valid_until between :today and :until
                        on conflict (kind, subject_key) do nothing""")
                .param("now", now).param("today", Date.valueOf(today))
                .param("until", Date.valueOf(today.plusDays(expiryWarningDays)))
                .update();
        int overdue = jdbc.sql("""
                        insert into notification (kind, subject_key, region_code, title, body, created_at)
                        select 'FOLLOW_UP_OVERDUE', 'follow-up:' || f.id || ':' || f.due_on, a.region_code,
                               'Tindak lanjut terlambat: ' || a.title,
                               'Tindak lanjut "' || f.description || '" dari perjanjian "' || a.title
                                   || '" jatuh tempo ' || to_char(f.due_on, 'DD-MM-YYYY') || ' dan belum selesai.',
                               :now
                          from agreement_follow_up f join agreement a on a.id = f.agreement_id
                         where f.done_on is null and f.due_on < :today and a.status not in ('EXPIRED', 'TERMINATED')
                        on conflict (kind, subject_key) do nothing""")
                .param("now", now).param("today", Date.valueOf(today))
                .update();
        return expiring + overdue;
    }

    /**
     * Mails every unsent notice when a mail server and recipients are configured; returns how many
     * were sent. Batches of {@value #BATCH} go in id order, each locked while it is mailed so that
     * two nodes never mail one notice; a notice the server refuses keeps its error and is tried
     * again on the next run (not again in this one).
     */
    int send() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || recipients.isEmpty()) {
            return 0;
        }
        int sent = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = transaction.execute(status -> sendBatch(sender, from));
            if (batch == null || batch.lastId() == null) {
                return sent;
            }
            sent += batch.sent();
            after = batch.lastId();
        }
    }

    private static final int BATCH = 100;

    private record Batch(int sent, @Nullable Long lastId) {
    }

    private Batch sendBatch(JavaMailSender sender, long after) {
        List<Notice> unsent = jdbc.sql("""
                        select * from notification where sent_at is null and id > ?
                         order by id limit ? for update skip locked""")
                .params(after, BATCH).query((rs, i) -> notice(rs)).list();
        int sent = 0;
        for (Notice notice : unsent) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(recipients.toArray(String[]::new));
            message.setSubject("[Pantau] " + notice.title() + (notice.regionCode() == null ? "" : " (" + notice.regionCode() + ")"));
            message.setText(notice.body());
            try {
                sender.send(message);
                jdbc.sql("update notification set sent_at = ?, send_error = null where id = ?")
                        .params(Timestamp.from(clock.instant()), notice.id()).update();
                sent++;
            } catch (MailException e) {
                log.warn("Could not mail notice {}: {}", notice.id(), e.getMessage());
                jdbc.sql("update notification set send_error = ? where id = ?").params(e.getMessage(), notice.id()).update();
            }
        }
        return new Batch(sent, unsent.isEmpty() ? null : unsent.getLast().id());
    }

    PageResult<Notice> list(Actor actor, @Nullable String kind, PageRequest page) {
        actor.requireRole(Role.STAFF, Role.ADMIN, Role.ANALYST);
        List<String> conditions = new ArrayList<>(List.of(actor.scope().sqlCondition("region_code")));
        Map<String, Object> params = new HashMap<>(actor.scope().sqlParameters());
        if (kind != null && !kind.isBlank()) {
            conditions.add("kind = :kind");
            params.put("kind", kind.strip());
        }
        String where = String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from notification where " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Notice> items = jdbc.sql("select * from notification where " + where
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(params).query((rs, i) -> notice(rs)).list();
        return PageResult.of(items, total, page);
    }

    private static Notice notice(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("subject_key"), rs.getString("region_code"),
                rs.getString("title"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant(), rs.getString("send_error"));
    }
}
