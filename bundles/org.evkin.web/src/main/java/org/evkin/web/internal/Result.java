package org.evkin.web.internal;

import java.util.Map;

/** What a page handler answers: a page to render from a template, or a redirect (303 See Other) to a local path. */
sealed interface Result permits Result.Page, Result.Redirect {

    /** A template of templates/ with its model, answered with that status. */
    record Page(int status, String template, Map<String, Object> model) implements Result {

        public Page {
            model = Map.copyOf(model);
        }
    }

    /** A redirect to a path of this server. */
    record Redirect(String location) implements Result {
    }

    static Page page(int status, String template, Map<String, Object> model) {
        return new Page(status, template, model);
    }

    static Redirect redirect(String location) {
        return new Redirect(location);
    }
}
