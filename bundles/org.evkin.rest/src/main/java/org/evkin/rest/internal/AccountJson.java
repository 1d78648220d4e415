package org.evkin.rest.internal;

import java.util.Map;
import org.evkin.workflow.Account;

/** The JSON shape of an account (never its password hash). */
final class AccountJson {

    private AccountJson() {
    }

    static Map<String, Object> of(Account a) {
        return InstrumentJson.map("id", a.id(), "email", a.email(), "name", a.name(), "role", a.role(), "province", a.province(),
                "district", a.district());
    }
}
