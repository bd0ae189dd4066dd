package id.pantau.election;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import id.pantau.election.internal.ElectionRepository;
import id.pantau.region.RegionCode;
import id.pantau.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The election module's API: which election a report belongs to and the rules it is judged by.
 * Intake asks on every report; elections and rule sets change a few times a year, so what intake
 * needs is read at most once a minute per node (at once again on the node that changed them).
 * Case handling reads the rule sets fresh.
 */
@Service
public class Elections {

    private static final Duration FRESHNESS = Duration.ofMinutes(1);

    private final ElectionRepository repository;
    private final LegalCalendar calendar;
    private final Clock clock;
    private volatile @Nullable IntakeView intake;
    /** Bumped on every change, so a read that overlapped a change does not keep the old state. */
    private final AtomicLong changes = new AtomicLong();

    private record IntakeView(List<Election> elections, Map<ElectionType, RuleSet> rules, Instant readAt) {
    }

    Elections(ElectionRepository repository, LegalCalendar calendar, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.clock = clock;
    }

    private IntakeView intakeView() {
        IntakeView current = intake;
        if (current != null && !current.readAt().plus(FRESHNESS).isBefore(clock.instant())) {
            return current;
        }
        long before = changes.get();
        Map<ElectionType, RuleSet> rules = new EnumMap<>(ElectionType.class);
        for (ElectionType type : ElectionType.values()) {
            rules.put(type, repository.ruleSet(type));
        }
        IntakeView fresh = new IntakeView(repository.all(), rules, clock.instant());
        if (changes.get() == before) {
            intake = fresh;
        }
        return fresh;
    }

    /** An election or a rule set was changed on this node: intake reads them again, now and after the commit. */
    public void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        changes.incrementAndGet();
        intake = null;
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
        return intakeView().elections().stream()
                .filter(election -> !election.startsOn().isAfter(day) && !election.endsOn().isBefore(day))
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
        RuleSet rules = intakeView().rules().get(election == null ? ElectionType.PEMILU : election.type());
        return ReportingWindow.of(rules, calendar.calendar(), zone, knownAt, receivedAt);
    }
}
