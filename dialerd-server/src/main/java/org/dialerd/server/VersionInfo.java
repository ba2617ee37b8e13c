package org.dialerd.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code dialerd --version}: the version and git commit the jar was built from, embedded at
 * build time in {@value #RESOURCE} (Maven resource filtering; the commit comes from
 * git-commit-id-maven-plugin). A build without {@code .git} (a source tarball) has no commit:
 * it says {@value #UNKNOWN}.
 */
record VersionInfo(String version, String commit) {
    static final String RESOURCE = "/org/dialerd/server/version.properties";
    static final String UNKNOWN = "unknown";

    static VersionInfo current() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Unreadable resource: report unknown rather than fail a --version.
        }
        return of(properties.getProperty("version"), properties.getProperty("commit"));
    }

    /** A value Maven left unfiltered ({@code ${...}}) or that is missing is unknown. */
    static VersionInfo of(String version, String commit) {
        return new VersionInfo(known(version), known(commit));
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.strip();
    }

    @Override
    public String toString() {
        return "dialerd " + version + " (commit " + commit + ")";
    }
}
