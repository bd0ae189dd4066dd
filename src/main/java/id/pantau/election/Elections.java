package id.pantau.election;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import id.pantau.election.internal.ElectionRepository;
import id.pantau.region.RegionCode;
import id.pantau.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The election module's API: which election a report belongs to and the rules it is judged by. */
@Service
public class Elections {

    private final ElectionRepository repository;
    private final LegalCalendar calendar;

    Elections(ElectionRepository repository, LegalCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
    }

    public Optional<Election> find(long id) {
        return repository.find(id);
    }

    public Election get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("Election", id));
    }

    public List<Election> all() {
        return repository.all();
    }

    /**
     * The election running in a region on a day: the most local one (a regency's Pilkada before a
     * province's before a national election), then the one whose voting day is nearest.
     */
    public Optional<Election> runningIn(RegionCode region, LocalDate day) {
        return repository.running(day).stream()
                .filter(election -> election.covers(region))
                .min(java.util.Comparator
                        .comparingInt((Election e) -> e.regionCode() == null ? 0 : -e.regionCode().value().length())
                        .thenComparingLong(e -> Math.abs(e.votingDay().toEpochDay() - day.toEpochDay())));
    }

    public RuleSet ruleSet(ElectionType type) {
        return repository.ruleSet(type);
    }

    /** The reporting window of a report; without an election the Pemilu rules apply. */
    public ReportingWindow reportingWindow(@Nullable Election election, ZoneId zone, Instant knownAt, Instant receivedAt) {
        RuleSet rules = ruleSet(election == null ? ElectionType.PEMILU : election.type());
        return ReportingWindow.of(rules, calendar.calendar(), zone, knownAt, receivedAt);
    }
}
