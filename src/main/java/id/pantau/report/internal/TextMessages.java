package id.pantau.report.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.report.internal.ReportIntake.Channel;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.PersonalDataCipher;
import id.pantau.shared.Sha256;
import id.pantau.shared.TimeOrderedUuid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Text messages forwarded by SMS/WhatsApp gateways. Every message is kept: a readable report
 * becomes a report (initial information, the sender's number sealed as its contact); anything
 * else stays as unparsed initial information for staff, and the sender gets a helpful reply in
 * Bahasa Indonesia. A gateway's retry of the same message gets the same reply and nothing twice.
 */
@Service
class TextMessages {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d/M/yyyy HH.mm", INDONESIAN);

    private final TextMessageParser parser;
    private final ReportIntake intake;
    private final Tracking tracking;
    private final Regions regions;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final Clock clock;

    TextMessages(Taxonomy taxonomy, ReportIntake intake, Tracking tracking, Regions regions, PersonalDataCipher cipher,
                 JdbcClient jdbc, TransactionTemplate transaction, MessageSource messages, Clock clock) {
        this.parser = new TextMessageParser(taxonomy.smsKeywords());
        this.intake = intake;
        this.tracking = tracking;
        this.regions = regions;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.messages = messages;
        this.clock = clock;
    }

    record Inbound(@Nullable String from, @Nullable String text, @Nullable OffsetDateTime receivedAt) {
    }

    record Answer(String reply, String outcome, @Nullable String trackingCode) {
    }

    private record Outcome(String outcome, @Nullable String problem, @Nullable UUID reportId, @Nullable String trackingCode,
                           String reply) {
    }

    Answer receive(Inbound message) {
        String from = message.from() == null ? "" : message.from().strip();
        if (from.isEmpty() || from.length() > 64) {
            throw InvalidInputException.of("from", "from.invalid", "is required: the sender's number, at most 64 characters");
        }
        String text = message.text() == null ? "" : message.text();
        Instant receivedAt = message.receivedAt() == null ? clock.instant() : message.receivedAt().toInstant();
        byte[] fingerprint = Sha256.of(from + "\n" + text + "\n" + receivedAt);
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext(encode(?, 'hex')))").param(fingerprint).query((rs, i) -> 1).list();
            Optional<Answer> earlier = jdbc.sql("""
                            select m.reply, m.outcome, r.tracking_code from inbound_message m
                              left join report r on r.id = m.report_id where m.fingerprint = ?""")
                    .param(fingerprint)
                    .query((rs, i) -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Outcome outcome = handle(from, text, receivedAt);
            UUID id = TimeOrderedUuid.next(clock);
            jdbc.sql("""
                            insert into inbound_message (id, fingerprint, received_at, sender, text, outcome, problem, report_id, reply)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, fingerprint, Timestamp.from(receivedAt), cipher.seal(from.getBytes(StandardCharsets.UTF_8),
                            "inbound:" + id), text, outcome.outcome(), outcome.problem(), outcome.reportId(), outcome.reply())
                    .update();
            return new Answer(outcome.reply(), outcome.outcome(), outcome.trackingCode());
        });
    }

    record Stored(UUID id, OffsetDateTime receivedAt, String sender, String text, String outcome,
                  @Nullable String problem, @Nullable String trackingCode) {
    }

    /**
     * Messages by outcome, newest first, senders masked. They carry no region until someone reads
     * them, so only national staff and administrators see them.
     */
    PageResult<Stored> list(Actor actor, String outcome, PageRequest page) {
        actor.requireRole(Role.STAFF, Role.ADMIN);
        actor.requireScope(null);
        long total = jdbc.sql("select count(*) from inbound_message where outcome = ?").param(outcome).query(Long.class).single();
        List<Stored> items = jdbc.sql("""
                        select m.id, m.received_at, m.sender, m.text, m.outcome, m.problem, r.tracking_code
                          from inbound_message m left join report r on r.id = m.report_id
                         where m.outcome = ? order by m.received_at desc limit ? offset ?""")
                .params(outcome, page.size(), page.offset())
                .query((rs, i) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String sender = new String(cipher.open(rs.getBytes(3), "inbound:" + id), StandardCharsets.UTF_8);
                    return new Stored(id, rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC),
                            Masking.phone(sender), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                })
                .list();
        return PageResult.of(items, total, page);
    }

    private Outcome handle(String from, String text, Instant receivedAt) {
        return switch (parser.parse(text)) {
            case ParsedMessage.Help help -> new Outcome("HELP", null, null, null, help());
            case ParsedMessage.Track track -> new Outcome("TRACK", null, null, null, track(track.trackingCode()));
            case ParsedMessage.Unreadable unreadable -> unreadable(unreadable.problem().name(), "sms.problem." + unreadable.problem().name());
            case ParsedMessage.Report report -> report(from, report, receivedAt);
        };
    }

    private Outcome report(String from, ParsedMessage.Report report, Instant receivedAt) {
        List<Region> places = place(report.place(), report.placeIsCode());
        if (places.isEmpty()) {
            return unreadable("UNKNOWN_PLACE", "sms.problem.UNKNOWN_PLACE", report.place());
        }
        if (places.size() > 1) {
            String options = String.join("; ", places.stream().limit(4).map(r -> r.code() + " " + r.name()).toList());
            return unreadable("AMBIGUOUS_PLACE", "sms.problem.AMBIGUOUS_PLACE", report.place(), options);
        }
        String description = report.description();
        String title = description.codePointCount(0, description.length()) <= 80 ? description
                : description.substring(0, description.offsetByCodePoints(0, 77)).strip() + "...";
        var time = receivedAt.atOffset(ZoneOffset.UTC);
        var request = new ReportRequest(null, report.categoryCode(), null, null, title, description, time, time,
                places.getFirst().code().value(), null, null, null, null,
                new ReportRequest.Reporter(null, null, from, null, null));
        try {
            ReportReceipt receipt = intake.submit(null, request, Channel.SMS);
            return new Outcome("REPORTED", null, receipt.id(), receipt.trackingCode(),
                    text("sms.reported", receipt.trackingCode()));
        } catch (InvalidInputException e) {
            return unreadable("INVALID", "sms.problem.INVALID", e.violations().getFirst().field());
        }
    }

    /** A region code (regency level or below) or a name; several matches of the best kind means "ask again". */
    private List<Region> place(String place, boolean isCode) {
        if (isCode) {
            return regions.find(RegionCode.parse(place)).filter(r -> r.level() != RegionLevel.PROVINCE).map(List::of).orElse(List.of());
        }
        String wanted = TextSignature.normalize(place);
        List<Region> found;
        try {
            found = regions.search(place, null, PageRequest.of(0, 20)).items();
        } catch (InvalidInputException tooShort) {
            return List.of();
        }
        List<Region> exact = found.stream().filter(r -> r.level() != RegionLevel.PROVINCE)
                .filter(r -> bareName(r.name()).equals(bareName(wanted)) || TextSignature.normalize(r.name()).equals(wanted))
                .toList();
        List<Region> candidates = exact.isEmpty() ? found.stream().filter(r -> r.level() != RegionLevel.PROVINCE).toList() : exact;
        if (candidates.isEmpty()) {
            return List.of();
        }
        // "jember" is Kabupaten Jember before a village of that name in Papua: the highest level wins
        int bestDepth = candidates.stream().mapToInt(r -> r.level().depth()).min().orElseThrow();
        return candidates.stream().filter(r -> r.level().depth() == bestDepth).toList();
    }

    /** "Kabupaten Jember" and "Jember" name the same regency in a text message. */
    private static String bareName(String name) {
        return TextSignature.normalize(name).replaceFirst("^(kabupaten|kab|kota|kecamatan|kec|desa|kelurahan|kel) ", "");
    }

    private String track(String code) {
        try {
            Tracking.PublicStatus status = tracking.find(code);
            var last = status.history().getLast();
            return text("sms.track", status.trackingCode(), text("status." + status.status()),
                    WHEN.format(last.at()), status.regionCode().value());
        } catch (InvalidInputException e) {
            return text("sms.track.invalid", code);
        } catch (NotFoundException e) {
            return text("sms.track.unknown", code);
        }
    }

    private Outcome unreadable(String problem, String key, Object... arguments) {
        return new Outcome("UNREADABLE", problem, null, null, text(key, arguments) + " " + help());
    }

    private String help() {
        return text("sms.help");
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, INDONESIAN);
    }

}
