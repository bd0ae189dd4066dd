package id.pantau.election.internal;

import java.net.URI;
import java.time.LocalDate;

import id.pantau.account.Actor;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The holiday table is public information; administrators keep it up to date. */
@RestController
@RequestMapping("/api/v1/holidays")
@Tag(name = "Elections")
class HolidayApi {

    private final LegalRulesAdministration administration;

    HolidayApi(LegalRulesAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "Non-working days (national holidays, cuti bersama, declared election days), of one year or all")
    PageResult<Holiday> list(@RequestParam(required = false) @Nullable Integer year) {
        return PageResult.all(administration.holidays(year));
    }

    @GetMapping("/{day}")
    @Operation(summary = "One non-working day")
    Holiday get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return administration.holiday(day);
    }

    @PostMapping
    @Operation(summary = "Add a non-working day (administrators); deadlines count with it at once; audited")
    ResponseEntity<Holiday> add(Actor actor, @RequestBody NewHoliday request) {
        Holiday added = administration.addHoliday(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/holidays/" + added.day())).body(added);
    }

    @DeleteMapping("/{day}")
    @Operation(summary = "Remove a non-working day (administrators); audited")
    ResponseEntity<Void> remove(Actor actor, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        administration.removeHoliday(actor, day);
        return ResponseEntity.noContent().build();
    }
}
