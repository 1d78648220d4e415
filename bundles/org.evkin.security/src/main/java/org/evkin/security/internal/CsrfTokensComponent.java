package org.evkin.security.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.evkin.security.CsrfTokens;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSRF tokens as HMAC-SHA256(secret, session id), the secret from configuration or from the data folder. HMAC comes
 * from Bouncy Castle, which is here anyway, so that the bundle imports no javax.crypto.
 */
@Component(name = "org.evkin.security.csrf", configurationPid = "org.evkin.security", service = CsrfTokens.class)
public class CsrfTokensComponent implements CsrfTokens {

    private static final Logger LOG = LoggerFactory.getLogger(CsrfTokensComponent.class);
    /** Framework property set by the launcher: the folder of the server's own files. */
    static final String DATA_DIR = "evkin.data.dir";
    static final int MIN_SECRET_LENGTH = 32;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    @Activate
    public CsrfTokensComponent(SecurityConfig config, BundleContext context) {
        this(secret(config, context.getProperty(DATA_DIR)));
    }

    CsrfTokensComponent(byte[] secret) {
        this.secret = secret.clone();
    }

    private static byte[] secret(SecurityConfig config, String dataDir) {
        String configured = config._csrf_secret();
        if (configured != null && !configured.isEmpty()) {
            if (configured.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("setting '.csrf.secret' in " + Settings.CONFIG_FILE + " is shorter than "
                        + MIN_SECRET_LENGTH + " characters; generate one with: openssl rand -base64 33 (or leave it empty"
                        + " to have one generated in the data folder)");
            }
            LOG.info("CSRF tokens use the secret from setting '.csrf.secret'");
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException("setting '.csrf.secret' in " + Settings.CONFIG_FILE + " is empty and the framework"
                    + " property " + DATA_DIR + " is not set, so there is no folder to keep a generated secret in");
        }
        try {
            return CsrfKeyFile.loadOrCreate(Path.of(dataDir));
        } catch (RuntimeException e) {
            // The data folder is unusable (the health endpoint already says so): keep working with a key for this run only.
            LOG.warn("CSRF secret not kept in {} ({}); using a key for this run only, so open forms break at the next"
                    + " restart. Fix setting 'data.dir' or set '.csrf.secret' in {}", dataDir, e.getMessage(), Settings.CONFIG_FILE);
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return key;
        }
    }

    @Override
    public String tokenFor(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw new IllegalArgumentException("the session id is empty");
        }
        return URL.encodeToString(hmacSha256(secret, sessionId.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean verify(String sessionId, String token) {
        if (sessionId == null || sessionId.isEmpty() || token == null || token.isEmpty()) {
            return false;
        }
        byte[] expected = tokenFor(sessionId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of the message under the key (RFC 2104). */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
