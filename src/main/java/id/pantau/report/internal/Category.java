package id.pantau.report.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** One entry of the report taxonomy. */
record Category(String code, @Nullable String parentCode, String facet, String kind, String labelId, String labelEn,
                List<String> smsKeywords, int position) {

    boolean isType() {
        return "TYPE".equals(facet);
    }

    boolean isHazard() {
        return "HAZARD".equals(kind);
    }

    /** Public, as the page templates call it (SpEL sees public methods only). */
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelId;
    }
}
