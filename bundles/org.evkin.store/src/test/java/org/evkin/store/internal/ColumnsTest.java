package org.evkin.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Column positions found from a hand-written SELECT's text. */
class ColumnsTest {

    @Test
    void labelsAreAliasesOrColumnNamesInOrder() {
        Columns c = new Columns("""
                SELECT l.token_hash, l.cycle_id,
                       c.name AS cycle_name, b.status, id
                FROM access_link l JOIN cycle c ON c.id = l.cycle_id WHERE l.token_hash = ?""");
        assertEquals(1, c.at("token_hash"));
        assertEquals(2, c.at("cycle_id"));
        assertEquals(3, c.at("cycle_name"));
        assertEquals(4, c.at("status"));
        assertEquals(5, c.at("id"));
        assertEquals(5, c.count());
        assertThrows(IllegalArgumentException.class, () -> c.at("name"), "an aliased column goes by its alias");
    }

    @Test
    void theFormColumnsFollowTheContextsOwn() {
        Columns form = new Columns("SELECT " + FormRows.COLUMNS + " FROM form");
        assertEquals(1, form.at("id"));
        assertEquals(14, form.at("submitted_at"));
        Columns aliased = new Columns("SELECT x.a, " + FormRows.ALIASED + " FROM form f");
        assertEquals(2, aliased.at("f_id"));
        assertEquals(15, aliased.at("f_submitted_at"));
    }

    @Test
    void aLabelTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Columns("SELECT a.id, b.id FROM a JOIN b"));
    }
}
