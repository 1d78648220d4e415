package org.evkin.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * The pages behind a personal link (/t/*, /k/*) run one script of this site, /static/form.js, which saves drafts to
 * this site's JSON API: their Content-Security-Policy gets {@code script-src 'self'; connect-src 'self'} added to the
 * servlet's otherwise unchanged policy (still no inline script, nothing from elsewhere). Every other page keeps the
 * servlet's script-free policy. A directive the servlet already sets is left as it is.
 */
@Component(name = "org.evkin.web.formcsp", service = Filter.class)
@HttpWhiteboardFilterPattern({"/t/*", "/k/*"})
@HttpWhiteboardFilterName("evkin-web-form-csp")
public class FormCspFilter implements Filter {

    static final String HEADER = "Content-Security-Policy";

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        if (resp instanceof HttpServletResponse http) {
            chain.doFilter(req, new HttpServletResponseWrapper(http) {
                @Override
                public void setHeader(String name, String value) {
                    super.setHeader(name, HEADER.equalsIgnoreCase(name) ? withScript(value) : value);
                }

                @Override
                public void addHeader(String name, String value) {
                    super.addHeader(name, HEADER.equalsIgnoreCase(name) ? withScript(value) : value);
                }
            });
        } else {
            chain.doFilter(req, resp);
        }
    }

    /** The policy with script-src and connect-src 'self' unless it has them already. */
    static String withScript(String policy) {
        if (policy == null || policy.isBlank()) {
            return policy;
        }
        StringBuilder sb = new StringBuilder(policy.strip());
        for (String directive : new String[] {"script-src", "connect-src"}) {
            if (!java.util.regex.Pattern.compile("(^|;)\\s*" + directive + "\\s").matcher(sb).find()) {
                sb.append(sb.charAt(sb.length() - 1) == ';' ? " " : "; ").append(directive).append(" 'self'");
            }
        }
        return sb.toString();
    }
}
