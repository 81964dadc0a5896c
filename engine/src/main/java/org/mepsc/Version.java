package org.mepsc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version, as the build stamped it. */
public final class Version {

    private Version() {
    }

    /** For example "0.1.0-SNAPSHOT"; "unknown" when run from unpackaged classes without resources. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
