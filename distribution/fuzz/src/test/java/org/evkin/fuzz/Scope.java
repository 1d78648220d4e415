package org.evkin.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a request may change in the database when the server acknowledges it, read from its path the way the server
 * routes it; and the guard that keeps the fuzzer from spending what later requests need (the protected links, cycle
 * 1's batteries, the admin's token and session).
 */
record Scope(Kind kind, long cycle, World.Link link, String note) {

    enum Kind { NONE, LINK, UNKNOWN_LINK, IMPORT_PARTICIPANTS, IMPORT_RESPONSES, CYCLE_CREATE, BATTERY, INVITE, REMIND, ACCOUNT,
        INSTRUMENTS, AUTH }

    static final Set<String> CHANGING_PARTICIPANT_COLUMNS = Set.of("identity_confirmed_at", "work_location", "updated_at");

    @Override
    public String toString() {
        return switch (kind) {
            case LINK -> "link " + link.name() + " (cycle " + link.cycle() + ", participant " + link.participant() + ", " + link.role() + ")";
            case NONE, UNKNOWN_LINK, ACCOUNT, INSTRUMENTS, AUTH, CYCLE_CREATE -> kind.name().toLowerCase();
            default -> kind.name().toLowerCase() + " of cycle " + cycle;
        };
    }

    /** The path as the server sees it: decoded, path parameters and empty segments dropped, dot segments resolved. */
    static List<String> normalized(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            String s = Text.decode(raw.split(";", 2)[0]);
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(s);
        }
        return out;
    }

    static Scope of(Wire.Req r, World w) {
        List<String> p = normalized(r.path());
        String s0 = at(p, 0);
        String s1 = at(p, 1);
        if ("api".equals(s0)) {
            if ("t".equals(s1) && p.size() >= 3) {
                return link(w.byCredential(p.get(2)));
            }
            if ("cycles".equals(s1)) {
                if (p.size() == 2) {
                    return new Scope(Kind.CYCLE_CREATE, 0, null, null);
                }
                long id = number(p.get(2));
                return switch (at(p, 3)) {
                    case "participants" -> new Scope(Kind.IMPORT_PARTICIPANTS, id, null, null);
                    case "responses" -> new Scope(Kind.IMPORT_RESPONSES, id, null, null);
                    case "batteries" -> new Scope(Kind.BATTERY, id, null, null);
                    case "invitations" -> new Scope(Kind.INVITE, id, null, null);
                    case "reminders" -> new Scope(Kind.REMIND, id, null, null);
                    default -> new Scope(Kind.NONE, id, null, null);
                };
            }
            return switch (s1) {
                case "accounts" -> new Scope(Kind.ACCOUNT, 0, null, null);
                case "admin" -> new Scope(Kind.INSTRUMENTS, 0, null, null);
                case "auth" -> new Scope(Kind.AUTH, 0, null, null);
                default -> new Scope(Kind.NONE, 0, null, null);
            };
        }
        if ("t".equals(s0) && p.size() >= 2) {
            return link(w.byCredential(p.get(1)));
        }
        if ("k".equals(s0) && p.size() >= 2) {
            return link(p.get(1).matches("[A-Za-z0-9-]{4,24}") ? w.byCredential("k:" + p.get(1)) : null);
        }
        if ("admin".equals(s0) && "siklus".equals(s1) && p.size() >= 3) {
            if (p.get(2).equals("baru")) {
                return new Scope(Kind.CYCLE_CREATE, 0, null, null);
            }
            long id = number(p.get(2));
            return switch (at(p, 3)) {
                case "program" -> new Scope(Kind.BATTERY, id, null, null);
                case "peserta" -> new Scope(Kind.IMPORT_PARTICIPANTS, id, null, null);
                case "jawaban" -> new Scope(Kind.IMPORT_RESPONSES, id, null, null);
                case "undangan" -> new Scope(Kind.INVITE, id, null, null);
                case "pantau" -> new Scope(Kind.REMIND, id, null, null);
                default -> new Scope(Kind.NONE, id, null, null);
            };
        }
        return new Scope(Kind.NONE, 0, null, null);
    }

    private static Scope link(World.Link l) {
        return l == null ? new Scope(Kind.UNKNOWN_LINK, 0, null, null) : new Scope(Kind.LINK, l.cycle(), l, null);
    }

    private static String at(List<String> p, int i) {
        return i < p.size() ? p.get(i) : "";
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- what an acknowledged request may change ----

    /** Whether this scope explains the change of one row. */
    boolean allows(Database.Change c, Database.Snapshot before, Database.Snapshot after) {
        Database.Owner o = c.owner(before, after);
        Set<String> changed = c.changedColumns();
        return switch (kind) {
            case LINK -> switch (c.table()) {
                case "form", "answer", "task_tick" -> o.is(link.cycle(), link.participant(), link.role());
                case "enrolment" -> o.cycle() == link.cycle() && o.participant() == link.participant() && Set.of("instrument_version")
                        .containsAll(changed) && !c.added() && !c.removed();
                case "participant" -> "DIRI".equals(link.role()) && o.participant() == link.participant()
                        && CHANGING_PARTICIPANT_COLUMNS.containsAll(changed) && !c.added() && !c.removed();
                case "rater", "access_link" -> "DIRI".equals(link.role()) && o.cycle() == link.cycle()
                        && o.participant() == link.participant() && !"DIRI".equals(o.role());
                default -> false;
            };
            case IMPORT_PARTICIPANTS -> c.table().equals("participant") || c.table().equals("enrolment") && o.cycle() == cycle;
            case IMPORT_RESPONSES -> switch (c.table()) {
                case "form", "answer", "task_tick", "rater" -> o.cycle() == cycle;
                case "enrolment" -> o.cycle() == cycle && Set.of("instrument_version").containsAll(changed);
                default -> false;
            };
            case CYCLE_CREATE -> c.added() && (c.table().equals("cycle") || c.table().equals("battery")
                    && before.rows("cycle").keySet().stream().noneMatch(k -> k.equals(String.valueOf(o.cycle()))));
            case BATTERY -> c.table().equals("battery") && o.cycle() == cycle;
            case INVITE -> c.table().equals("access_link") && o.cycle() == cycle
                    || c.table().equals("enrolment") && o.cycle() == cycle && Set.of("instrument_version").containsAll(changed);
            case REMIND -> (c.table().equals("access_link") || c.table().equals("reminder")) && o.cycle() == cycle;
            case ACCOUNT -> c.table().equals("account") && c.added();
            case INSTRUMENTS -> c.table().equals("instrument_version") || c.table().equals("instrument_schedule");
            default -> false;
        };
    }

    // ---- the guard ----

    /**
     * The request to send instead, when this one could spend what later requests need: a protected participant's
     * links (profile, service user, resend go to the sacrificial participant S), cycle 1's batteries, reminders and
     * committed participant imports (go to cycle 2), programs in use (withdraw and schedule go to the sacrificial
     * program), the admin's API token and web session (sign-outs use the spare ones). Returns r itself otherwise.
     */
    static Wire.Req guard(Wire.Req r, World w) {
        if (r.safeMethod()) {
            return r;
        }
        List<String> p = normalized(r.path());
        String method = r.method();
        String query = r.query().isEmpty() ? "" : "?" + r.query();
        // personal links: what replaces links of others
        int cred = -1;
        if (p.size() >= 4 && p.get(0).equals("api") && p.get(1).equals("t")
                && (p.get(3).equals("profile") || p.get(3).equals("service-user") || p.get(3).equals("raters") && p.size() >= 6)) {
            cred = 2;
        } else if (p.size() >= 3 && p.get(0).equals("t") && Set.of("profil", "pengguna", "pemantauan").contains(p.get(2))) {
            cred = 1;
        }
        if (cred >= 0) {
            World.Link l = w.byCredential(p.get(cred));
            if (l != null && !l.sacrificial()) {
                p.set(cred, w.link("S.DIRI").credential());
                return r.withTarget(path(p) + query);
            }
        }
        // cycle 1: its batteries stay open, its links are not reminded away, committed imports go to cycle 2
        if (p.size() >= 4 && p.get(0).equals("api") && p.get(1).equals("cycles") && number(p.get(2)) == w.c1) {
            boolean preview = Seeds.query("?" + r.query()).stream().filter(kv -> Text.decode(kv[0]).equals("commit")).findFirst()
                    .map(kv -> kv[1] != null && Text.decode(kv[1]).equalsIgnoreCase("false")).orElse(false);
            if (p.get(3).equals("batteries") || p.get(3).equals("reminders") || p.get(3).equals("participants") && !preview) {
                p.set(2, String.valueOf(w.c2));
                return r.withTarget(path(p) + query);
            }
        }
        if (p.size() >= 4 && p.get(0).equals("admin") && p.get(1).equals("siklus") && number(p.get(2)) == w.c1
                && (p.get(3).equals("program") || p.get(3).equals("pantau"))) {
            p.set(2, String.valueOf(w.c2));
            return r.withTarget(path(p) + query);
        }
        // programs in use are neither withdrawn nor rescheduled
        if (p.size() >= 4 && p.get(0).equals("api") && p.get(1).equals("admin") && p.get(2).equals("instruments")
                && World.PROGRAMS.contains(p.get(3)) && !p.get(3).equals(World.SACRIFICIAL_PROGRAM)) {
            p.set(3, World.SACRIFICIAL_PROGRAM);
            return r.withTarget(path(p) + query);
        }
        // the admin's token and session stay signed in
        if (p.equals(List.of("api", "auth", "token")) && method.equals("DELETE")) {
            String h = r.header("Authorization");
            if (h != null && (h.contains(w.admin) || h.contains(w.regional) || h.contains(w.login))) {
                return r.withHeader("Authorization", "Bearer " + w.spare);
            }
        }
        if (p.equals(List.of("keluar"))) {
            String c = r.header("Cookie");
            if (c != null && c.contains(w.session)) {
                return r.withHeader("Cookie", c.replace(w.session, w.session2));
            }
        }
        return r;
    }

    private static String path(List<String> p) {
        StringBuilder b = new StringBuilder();
        for (String s : p) {
            b.append('/').append(Text.encode(s).replace("%3A", ":"));
        }
        return b.length() == 0 ? "/" : b.toString();
    }
}
