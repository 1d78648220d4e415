package org.evkin.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworkTest {

    @Test
    void theWebServerStartsAfterTheOtherBundlesAndDeclarativeServicesLast() {
        // as the launcher finds them: in file name order
        List<String> bundles = new ArrayList<>(List.of("com.zaxxer.HikariCP", "org.apache.felix.configadmin",
                "org.apache.felix.fileinstall", "org.apache.felix.http.jetty12", "org.apache.felix.http.servlet-api",
                "org.apache.felix.scr", "org.evkin.rest", "org.evkin.web"));
        bundles.sort(Comparator.comparingInt(Framework::startRank));
        assertEquals(List.of("com.zaxxer.HikariCP", "org.apache.felix.configadmin", "org.apache.felix.fileinstall",
                "org.apache.felix.http.servlet-api", "org.evkin.rest", "org.evkin.web", "org.apache.felix.http.jetty12",
                "org.apache.felix.scr"), bundles);
        assertEquals(0, Framework.startRank(null), "a bundle without a symbolic name starts with the others");
    }
}
