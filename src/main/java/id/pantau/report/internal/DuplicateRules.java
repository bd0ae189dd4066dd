package id.pantau.report.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When two reports suggest one incident: same category, occurred within {@code window} of each
 * other, at the same place (the same district or village, the same TPS when both name one, or
 * within {@code distanceMeters} when both have a location), and with texts at least
 * {@code similarity} alike (estimated Jaccard similarity of their character 5-grams).
 */
@ConfigurationProperties("pantau.duplicates")
record DuplicateRules(@DefaultValue("PT48H") Duration window, @DefaultValue("1000") double distanceMeters,
                      @DefaultValue("0.3") double similarity) {
}
