package id.pantau.shared;

import java.util.List;

/**
 * Start-up cannot go on because required settings are absent (or present where they are refused).
 * Start-up fails with one message that names all of them and says what to do (see the failure analyzer).
 */
public class MissingSettingsException extends RuntimeException {

    private final List<String> settings;
    private final String action;

    public MissingSettingsException(String purpose, List<String> settings, String action) {
        this(settings, purpose + ": missing " + String.join(", ", settings), action);
    }

    private MissingSettingsException(List<String> settings, String message, String action) {
        super(message);
        this.settings = List.copyOf(settings);
        this.action = action;
    }

    /** Settings that are present but not allowed here; {@code reason} says why, naming them. */
    public static MissingSettingsException refused(String reason, List<String> settings, String action) {
        return new MissingSettingsException(settings, reason, action);
    }

    public List<String> settings() {
        return settings;
    }

    public String action() {
        return action;
    }
}
