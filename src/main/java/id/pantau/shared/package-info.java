/**
 * What every module needs and nothing domain-specific: the error vocabulary mapped to
 * problem+json, paging, idempotent creation, database and web configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
@org.jspecify.annotations.NullMarked
package id.pantau.shared;
