package id.pantau.account;

/** What an account may do; where it may do it is its home region. */
public enum Role {
    /** Manages accounts, rule sets and master data. */
    ADMIN,
    /** Bawaslu staff: RI, province, regency or Panwascam, by home region. */
    STAFF,
    /** Coordinator of a monitoring team or a partner's focal point. */
    COORDINATOR,
    /** Volunteer, cadre or team member. */
    VOLUNTEER,
    /** Works with the vulnerability index, maps and statistics. */
    ANALYST;

    /** The authority Spring Security checks for this role ({@code hasRole}). */
    public String authority() {
        return "ROLE_" + name();
    }
}
