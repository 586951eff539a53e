package vn.vanthu.trust;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;

import java.util.Hashtable;

/**
 * LDAP fetching (only when the ldap setting is on) with connect and read timeouts, so a peer that never answers
 * cannot hold a request thread; every other scheme is refused before it gets here.
 */
final class LdapLoader extends CommonsDataLoader {
    private static final long serialVersionUID = 1L;
    private final long connectMillis;
    private final long readMillis;

    LdapLoader(long connectMillis, long readMillis) {
        this.connectMillis = connectMillis;
        this.readMillis = readMillis;
    }

    @Override
    protected Hashtable<String, String> initLdapContextEnvironment() {
        Hashtable<String, String> env = super.initLdapContextEnvironment();
        env.put("com.sun.jndi.ldap.connect.timeout", Long.toString(connectMillis));
        env.put("com.sun.jndi.ldap.read.timeout", Long.toString(readMillis));
        return env;
    }

    @Override
    protected byte[] fileGet(String url) {
        throw new eu.europa.esig.dss.spi.exception.DSSExternalResourceException("file URLs are never fetched");
    }

    @Override
    protected byte[] ftpGet(String url) {
        throw new eu.europa.esig.dss.spi.exception.DSSExternalResourceException("ftp URLs are never fetched");
    }
}
