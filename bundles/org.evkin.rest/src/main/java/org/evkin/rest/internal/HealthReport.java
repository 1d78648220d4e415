package org.evkin.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evkin.store.DatabaseHealth;
import org.evkin.store.DatabaseStatus;
import org.evkin.store.ServerStarts;
import org.evkin.store.StartRecord;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Works out the state of the framework, the HTTP server and the database for GET /api/health. */
final class HealthReport {

    private HealthReport() {
    }

    static Map<String, Object> build(BundleContext context, ServiceComponentRuntime scr,
            DatabaseHealth database, ServerStarts starts, org.evkin.mail.MailStatus mail) {
        Map<String, Object> framework = framework(context, scr);
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("status", "UP");
        // the public address: the launcher's (org.evkin.web opens it), else Felix HTTP's own (a framework of tests)
        boolean launcher = context.getProperty("evkin.http.port") != null;
        http.put("host", context.getProperty(launcher ? "evkin.http.host" : "org.apache.felix.http.host"));
        http.put("port", context.getProperty(launcher ? "evkin.http.port" : "org.osgi.service.http.port"));
        Map<String, Object> db = database(database, starts);
        boolean up = "UP".equals(framework.get("status")) && "UP".equals(db.get("status"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "UP" : "DOWN");
        out.put("version", context.getProperty("evkin.version"));
        out.put("framework", framework);
        out.put("http", http);
        out.put("database", db);
        out.put("mail", mail(mail));
        return out;
    }

    /** Mail never makes the platform DOWN: while SMTP is unreachable mails wait in the outbox. */
    private static Map<String, Object> mail(org.evkin.mail.MailStatus mail) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (mail == null) {
            out.put("status", "NOT_CONFIGURED");
            out.put("problem", "no mailer: config/org.evkin.mail.cfg is missing");
            return out;
        }
        var r = mail.current();
        out.put("status", String.valueOf(r.smtp()));
        out.put("server", r.server());
        out.put("waiting", r.waiting());
        out.put("failed", r.failed());
        out.put("lastSentAt", r.lastSentAt() == null ? null : r.lastSentAt().toString());
        out.put("problem", r.problem());
        return out;
    }

    private static Map<String, Object> framework(BundleContext context, ServiceComponentRuntime scr) {
        List<String> problems = new ArrayList<>();
        int active = 0;
        Bundle[] bundles = context.getBundles();
        for (Bundle b : bundles) {
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() == Bundle.ACTIVE || (fragment && b.getState() == Bundle.RESOLVED)) {
                active++;
            } else {
                problems.add("bundle " + b.getSymbolicName() + " " + b.getVersion() + " is " + state(b.getState()));
            }
        }
        int components = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            components++;
            var configurations = scr.getComponentConfigurationDTOs(d);
            if (configurations.isEmpty() && "require".equals(d.configurationPolicy)) {
                problems.add("component " + d.name + " has no configuration (config/" + d.name + ".cfg)");
            }
            for (ComponentConfigurationDTO c : configurations) {
                switch (c.state) {
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE ->
                        problems.add("component " + d.name + " waits for "
                                + (c.unsatisfiedReferences.length > 0 ? c.unsatisfiedReferences[0].name : "a service"));
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                        problems.add("component " + d.name + " has no configuration");
                    case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                        problems.add("component " + d.name + " failed to start: " + c.failure.lines().findFirst().orElse(""));
                    default -> {
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", problems.isEmpty() ? "UP" : "DOWN");
        out.put("bundles", bundles.length);
        out.put("bundlesActive", active);
        out.put("components", components);
        out.put("problems", problems);
        return out;
    }

    private static Map<String, Object> database(DatabaseHealth database, ServerStarts starts) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (database == null) {
            out.put("status", "DOWN");
            out.put("problem", "the store is not running (see the framework problems)");
            return out;
        }
        DatabaseStatus s = database.status();
        out.put("status", s.up() ? "UP" : "DOWN");
        out.put("location", s.location());
        out.put("serverVersion", s.serverVersion());
        out.put("schemaVersion", s.schemaVersion());
        if (s.up() && starts != null) {
            try {
                out.put("starts", starts.count());
                StartRecord first = starts.first();
                out.put("firstStart", first == null ? null : first.startedAt().toString());
            } catch (RuntimeException e) {
                out.put("status", "DOWN");
                out.put("problem", e.getMessage());
                return out;
            }
        }
        out.put("problem", s.problem());
        return out;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }
}
