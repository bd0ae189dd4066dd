package id.pantau.insight.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A statistics question after validation: what to group by, under which region ({@code null}:
 * Indonesia), at which region level, over which WIB days (both ends included). Every mistake is
 * reported at once, naming its field; a parent outside the caller's region is a 403. With
 * {@code incidents} report statistics count incidents (reports of one incident once) instead of reports.
 */
record StatsRequest(String groupBy, @Nullable RegionCode parent, RegionLevel level, LocalDate from, LocalDate to,
                    @Nullable String category, boolean incidents) {

    /** The longest period one question may span: three years. */
    static final int MAX_DAYS = 3 * 366;
    static final int DEFAULT_DAYS = 30;

    /** The roles that see statistics: staff, analysts and administrators, each in their region. */
    static void requireReader(Actor actor) {
        actor.requireRole(Role.STAFF, Role.ANALYST, Role.ADMIN);
    }

    static StatsRequest parse(Actor actor, Regions regions, Set<String> reportTypes, LocalDate today, List<String> groupBys,
                              @Nullable String groupBy, @Nullable String level, @Nullable String parent, @Nullable String from,
                              @Nullable String to, @Nullable String category) {
        return parse(actor, regions, reportTypes, today, groupBys, groupBy, level, parent, from, to, category, null);
    }

    /** {@code reportTypes}: the codes a category filter may name (the report types that facts are counted by). */
    static StatsRequest parse(Actor actor, Regions regions, Set<String> reportTypes, LocalDate today, List<String> groupBys,
                              @Nullable String groupBy, @Nullable String level, @Nullable String parent, @Nullable String from,
                              @Nullable String to, @Nullable String category, @Nullable String measure) {
        requireReader(actor);
        var violations = new Violations();
        String group = blank(groupBy) ? groupBys.getFirst() : groupBy.strip().toLowerCase(Locale.ROOT);
        violations.check(groupBys.contains(group), "groupBy", "groupBy.unknown", "must be one of " + String.join(", ", groupBys));

        RegionCode parentCode = null;
        if (!blank(parent)) {
            if (!RegionCode.isValid(parent)) {
                violations.add("parent", "parent.format", "must be a region code such as 35 or 35.09");
            } else if (!regions.exists(RegionCode.parse(parent))) {
                violations.add("parent", "parent.unknown", "region " + parent.strip() + " does not exist");
            } else {
                parentCode = RegionCode.parse(parent);
            }
        } else if (actor.homeRegion() != null) {
            parentCode = actor.homeRegion();
        }

        RegionLevel regionLevel = parentCode == null ? RegionLevel.PROVINCE : below(parentCode);
        if (!blank(level)) {
            try {
                regionLevel = RegionLevel.fromApiName(level);
                violations.check(regionLevel != RegionLevel.VILLAGE, "level", "level.unknown",
                        "must be one of province, regency, district");
            } catch (IllegalArgumentException e) {
                violations.add("level", "level.unknown", "must be one of province, regency, district");
            }
        }
        if (parentCode != null && regionLevel.depth() <= parentCode.level().depth()) {
            violations.add("level", "level.notBelowParent", "must be below the parent's level (" + parentCode.level().apiName() + ")");
        }

        LocalDate toDay = violations.date("to", to, today);
        LocalDate fromDay = violations.date("from", from, toDay.minusDays(DEFAULT_DAYS - 1));
        if (!violations.has("from") && !violations.has("to")) {
            if (violations.check(!fromDay.isAfter(toDay), "from", "from.afterTo", "must not be after to")) {
                violations.check(ChronoUnit.DAYS.between(fromDay, toDay) < MAX_DAYS, "to", "period.tooLong",
                        "the period may span at most " + MAX_DAYS + " days");
            }
        }
        violations.check(blank(category) || reportTypes.contains(category.strip()), "category", "category.unknown",
                "must be a report type code of GET /api/v1/categories");
        String counted = blank(measure) ? "reports" : measure.strip().toLowerCase(Locale.ROOT);
        violations.check(counted.equals("reports") || counted.equals("incidents"), "measure", "measure.unknown",
                "must be reports or incidents");
        violations.throwIfAny();
        if (parentCode != null) {
            actor.requireScope(parentCode);
        }
        return new StatsRequest(group, parentCode, regionLevel, fromDay, toDay, blank(category) ? null : category.strip(),
                counted.equals("incidents"));
    }

    /** The level below a region; a village's own level (then rejected as not below). */
    static RegionLevel below(RegionCode code) {
        RegionLevel[] levels = RegionLevel.values();
        return levels[Math.min(code.level().ordinal() + 1, levels.length - 1)];
    }

    static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    static List<String> of(String... values) {
        return Arrays.asList(values);
    }
}
