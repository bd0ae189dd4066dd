package id.pantau.shared;

/**
 * One module's part of the demo data set: synthetic data, visibly labelled as such, that a
 * newcomer's development instance starts with ({@code PANTAU_DEMO=true ./mvnw spring-boot:run}).
 * Each module writes its part through its own services, so validation, encryption, events and
 * idempotency are the real ones. Production refuses the flag.
 *
 * <p>The dev profile loads the parts once each, in {@code @Order}, before the scheduled jobs start
 * (so that, e.g., the deadline job never sees a half-loaded queue): {@link #load()} runs in one
 * transaction with the record that the part was loaded, so a second start changes nothing and a
 * crash leaves no half part; then {@link #finish()} and every event between modules is delivered
 * before the next part begins. The parts and their order: IKP scores (100), the participation
 * network (200), reports (300), incidents confirmed (400), cases walked on (500).
 */
public interface DemoData {

    /** The seed of every random choice: the same data set on every machine. */
    long SEED = 20_240_214L;

    /** The part's name, unique, e.g. {@code report.reports}; it is recorded when loaded. */
    String name();

    /** Writes the part; returns a one-line summary of what it wrote, for the log. */
    String load();

    /**
     * Does now, after the commit, the background work that the part set off and the next part needs
     * (e.g. processing the reports), since the scheduled jobs have not started yet. Also called on a
     * later start, in case a stop cut that work short.
     */
    default void finish() {
    }
}
