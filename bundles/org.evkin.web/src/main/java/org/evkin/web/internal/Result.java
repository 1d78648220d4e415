package org.evkin.web.internal;

import java.util.Map;

/**
 * What a page handler answers: a page to render from a template, a redirect (303 See Other) to a local path, or a file
 * to download (complete in memory, so that a failure while producing it still shows the error page).
 */
sealed interface Result permits Result.Page, Result.Redirect, Result.Download {

    /** A template of templates/ with its model, answered with that status. */
    record Page(int status, String template, Map<String, Object> model) implements Result {

        public Page {
            model = Map.copyOf(model);
        }
    }

    /** A redirect to a path of this server. */
    record Redirect(String location) implements Result {
    }

    /** A file sent as an attachment (200): its media type, the file name the browser saves it under, and its bytes. */
    record Download(String contentType, String filename, byte[] body) implements Result {

        public Download {
            if (!filename.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("a plain file name: " + filename);
            }
        }
    }

    static Page page(int status, String template, Map<String, Object> model) {
        return new Page(status, template, model);
    }

    static Redirect redirect(String location) {
        return new Redirect(location);
    }
}
