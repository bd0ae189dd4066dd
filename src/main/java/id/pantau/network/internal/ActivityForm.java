package id.pantau.network.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.pantau.shared.FieldViolation;
import org.jspecify.annotations.Nullable;

/**
 * The activity form as the browser posts it: text as typed, so that a page with mistakes comes
 * back with the visitor's values. Speakers arrive as parallel {@code speakerName} and
 * {@code speakerRole} rows; empty rows are ignored.
 */
record ActivityForm(@Nullable String type, @Nullable String title, @Nullable String description, @Nullable String date,
                    @Nullable String endDate, @Nullable String startTime, @Nullable String endTime,
                    @Nullable String regionCode, @Nullable String online, @Nullable String place,
                    @Nullable String onlineLink, @Nullable List<String> organiserPartnerIds,
                    @Nullable List<String> partnerIds, @Nullable List<String> topics,
                    @Nullable List<String> speakerName, @Nullable List<String> speakerRole,
                    @Nullable String participantCount, @Nullable String seriesName, @Nullable String recurrence) {

    /** Blank rows for speakers on a new form. */
    static final int SPEAKER_ROWS = 3;

    static ActivityForm blank(@Nullable String regionCode) {
        return new ActivityForm("SOCIALISATION", "", "", "", "", "", "", regionCode == null ? "" : regionCode, null, "", "",
                List.of(), List.of(), List.of(), List.of(), List.of(), "", "", "");
    }

    static ActivityForm of(ActivityView a) {
        return new ActivityForm(a.type().name(), a.title(), a.description(), a.date().toString(),
                a.endDate() == null ? "" : a.endDate().toString(), a.startTime() == null ? "" : a.startTime().toString(),
                a.endTime() == null ? "" : a.endTime().toString(), a.regionCode().value(), a.online() ? "true" : null,
                a.place(), a.onlineLink(), a.organiserPartnerIds().stream().map(String::valueOf).toList(),
                a.partnerIds().stream().map(String::valueOf).toList(), a.topics().stream().map(Enum::name).toList(),
                a.speakers().stream().map(ActivitySpeaker::name).toList(),
                a.speakers().stream().map(s -> s.role() == null ? "" : s.role()).toList(),
                a.participantCount() == null ? "" : a.participantCount().toString(), a.seriesName(),
                a.recurrence() == null ? "" : a.recurrence().name());
    }

    public boolean isOnline() {
        return online != null && !online.isBlank() && !"false".equals(online);
    }

    public boolean hasTopic(String topic) {
        return topics != null && topics.contains(topic);
    }

    public boolean organises(long partnerId) {
        return organiserPartnerIds != null && organiserPartnerIds.contains(String.valueOf(partnerId));
    }

    public boolean takesPart(long partnerId) {
        return partnerIds != null && partnerIds.contains(String.valueOf(partnerId));
    }

    /** The speaker rows to show: those typed plus blank ones to fill in. */
    public List<ActivitySpeaker> speakerRows() {
        List<ActivitySpeaker> rows = new ArrayList<>();
        List<String> names = speakerName == null ? List.of() : speakerName;
        List<String> roles = speakerRole == null ? List.of() : speakerRole;
        for (int i = 0; i < Math.max(names.size(), roles.size()); i++) {
            String name = i < names.size() ? names.get(i) : "";
            String role = i < roles.size() ? roles.get(i) : "";
            if (!isBlank(name) || !isBlank(role)) {
                rows.add(new ActivitySpeaker(name, role));
            }
        }
        int blanks = Math.max(1, SPEAKER_ROWS - rows.size());
        for (int i = 0; i < blanks; i++) {
            rows.add(new ActivitySpeaker("", ""));
        }
        return rows;
    }

    /** The form as an API request; values that cannot be read go to {@code unreadable}, by field. */
    ActivityRequest toRequest(Map<String, FieldViolation> unreadable) {
        List<ActivitySpeaker> speakers = new ArrayList<>();
        for (ActivitySpeaker row : speakerRows()) {
            if (!isBlank(row.name()) || !isBlank(row.role())) {
                speakers.add(row);
            }
        }
        return new ActivityRequest(type, title, description,
                read("date", date, LocalDate::parse, unreadable), read("endDate", endDate, LocalDate::parse, unreadable),
                read("startTime", startTime, LocalTime::parse, unreadable), read("endTime", endTime, LocalTime::parse, unreadable),
                regionCode, isOnline(), place, onlineLink,
                ids("organiserPartnerIds", organiserPartnerIds, unreadable), ids("partnerIds", partnerIds, unreadable),
                topics == null ? List.of() : topics.stream().filter(t -> !isBlank(t)).toList(), speakers,
                read("participantCount", participantCount, Integer::valueOf, unreadable), seriesName, recurrence);
    }

    private static <T> @Nullable T read(String field, @Nullable String value, Function<String, T> parser,
                                        Map<String, FieldViolation> unreadable) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            unreadable.put(field, new FieldViolation(field, "value.invalid", "'" + value + "' cannot be read"));
            return null;
        }
    }

    private static List<Long> ids(String field, @Nullable List<String> values, Map<String, FieldViolation> unreadable) {
        List<Long> ids = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            Long id = read(field, value, Long::valueOf, unreadable);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Errors by form field: {@code speakers[1].name} shows at the speakers, {@code topics[0]} at the topics. */
    static Map<String, FieldViolation> byField(List<FieldViolation> violations) {
        Map<String, FieldViolation> fields = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            fields.putIfAbsent(baseField(violation.field()), violation);
        }
        return fields;
    }

    static String baseField(String field) {
        int cut = field.length();
        for (char c : new char[]{'[', '.'}) {
            int at = field.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return field.substring(0, cut);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
