package id.pantau.shared;

import java.util.List;

/**
 * Start-up cannot go on because required settings are absent. Start-up fails with one message
 * that names all of them and says how to provide them (see the failure analyzer).
 */
public class MissingSettingsException extends RuntimeException {

    private final List<String> settings;
    private final String action;

    public MissingSettingsException(String purpose, List<String> settings, String action) {
        super(purpose + ": missing " + String.join(", ", settings));
        this.settings = List.copyOf(settings);
        this.action = action;
    }

    public List<String> settings() {
        return settings;
    }

    public String action() {
        return action;
    }
}
