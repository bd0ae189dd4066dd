/**
 * Accounts, roles, home regions and the one rule that scopes access by region
 * ({@link id.pantau.account.RegionScope}); sign-in for people (session and CSRF) and bearer
 * tokens for API clients; the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and access", allowedDependencies = {"region", "shared"})
@org.jspecify.annotations.NullMarked
package id.pantau.account;
