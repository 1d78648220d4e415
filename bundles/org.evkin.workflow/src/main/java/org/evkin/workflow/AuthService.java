package org.evkin.workflow;

import java.util.Optional;

/** Sign-in of admins with e-mail and password; sessions and API tokens. */
public interface AuthService {

    /**
     * Checks the password and opens a session or API token.
     *
     * @throws WorkflowException UNAUTHENTICATED for a wrong e-mail or password (the same message for both),
     *                           LOCKED after too many failures from the same address
     */
    Login login(String email, String password, String remoteAddress, SessionKind kind);

    /** The account of a valid, unexpired token of that kind; a web session's expiry slides forward. */
    Optional<Account> authenticate(String token, SessionKind kind);

    void logout(String token);

    /** The CSRF token of a web session, to put in every form it posts. */
    String csrfToken(String sessionToken);

    boolean verifyCsrf(String sessionToken, String csrfToken);

    /**
     * Creates an admin account (national admins only).
     *
     * @throws WorkflowException FORBIDDEN for a regional actor, INVALID for a weak password or a regional account
     *                           without province, CONFLICT when the e-mail exists
     */
    Account createAccount(Account actor, String email, String name, String password, Role role, String province, String district);
}
