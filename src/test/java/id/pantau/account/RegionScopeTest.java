package id.pantau.account;

import java.util.Set;

import id.pantau.region.RegionCode;
import id.pantau.shared.OutOfScopeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one authorisation rule of Pantau, as a table: may an account with this home region act here? */
class RegionScopeTest {

    @ParameterizedTest(name = "home {0}, target {1}: {2}")
    @CsvSource(nullValues = "national", value = {
            // a national account (no home region) acts everywhere, national records included
            "national, national, true",
            "national, 35, true",
            "national, 35.09.01.2001, true",
            // a province acts on itself and below
            "35, 35, true",
            "35, 35.09, true",
            "35, 35.09.01.2001, true",
            "35, 33.01, false",
            "35, national, false",
            // a regency acts on itself and below, not on its province or its siblings
            "35.09, 35.09, true",
            "35.09, 35.09.01, true",
            "35.09, 35, false",
            "35.09, 35.10, false",
            "35.09, 35.10.01, false",
            // a district
            "35.09.01, 35.09.01.2001, true",
            "35.09.01, 35.09.02.2001, false",
            // another province's regency
            "33.01, 35.09, false",
            "33.01, 33.01.05, true",
            "33.01, 33, false"})
    void mayActOnTheHomeRegionsSubtreeOnly(String home, String target, boolean permitted) {
        RegionScope scope = new RegionScope(home == null ? null : RegionCode.parse(home));

        assertThat(scope.permits(target == null ? null : RegionCode.parse(target))).isEqualTo(permitted);
    }

    @Test
    void anActorWithoutTheScopeIsForbidden() {
        Actor staff = new Actor(7, "jember", Set.of(Role.STAFF), RegionCode.parse("35.09"));

        staff.requireScope(RegionCode.parse("35.09.01"));
        assertThatThrownBy(() -> staff.requireScope(RegionCode.parse("35.10")))
                .isInstanceOf(OutOfScopeException.class).hasMessageContaining("35.10");
        assertThatThrownBy(() -> staff.requireScope(null))
                .isInstanceOf(OutOfScopeException.class).hasMessageContaining("national");
    }

    @Test
    void theSqlFilterIsTheSameRule() {
        RegionScope national = RegionScope.NATIONAL;
        RegionScope jember = new RegionScope(RegionCode.parse("35.09"));

        assertThat(national.sqlCondition("region_code")).isEqualTo("true");
        assertThat(national.sqlParameters()).isEmpty();
        assertThat(jember.sqlCondition("a.region_code"))
                .isEqualTo("(a.region_code = :scopeRoot or a.region_code like :scopeDescendants)");
        // "35.09.%" matches 35.09.01 but not 35.091 (no such code) or 35.10: a whole-segment prefix
        assertThat(jember.sqlParameters()).containsEntry("scopeRoot", "35.09").containsEntry("scopeDescendants", "35.09.%");
    }
}
