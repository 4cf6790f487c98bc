package io.netlink4j.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code nlbridge --version}: the project version (filtered into nlbridge.properties by Maven), Java and kernel. */
public final class Version implements CommandLine.IVersionProvider {
    /** The project version, or "unknown" when run from an unfiltered source tree. */
    public static String project() {
        try (InputStream in = Version.class.getResourceAsStream("/io/netlink4j/examples/nlbridge.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "nlbridge " + project() + " (netlink4j)",
            "Java " + System.getProperty("java.version") + ", Linux " + System.getProperty("os.version"),
        };
    }
}
