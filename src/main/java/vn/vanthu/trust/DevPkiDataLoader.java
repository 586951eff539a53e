package vn.vanthu.trust;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import vn.vanthu.pki.DevPki;

import java.util.List;

/**
 * A DSS {@link DataLoader} that answers the development PKI's URLs (CRL, OCSP, CA certificates, TSA) in-process
 * through {@link DevPki}, with no network, and hands every other URL to the real loader.
 *
 * <pre>{@code new OnlineCRLSource(new DevPkiDataLoader(devPki, new CommonsDataLoader()));}</pre>
 */
final class DevPkiDataLoader implements DataLoader {
    private static final long serialVersionUID = 1L;
    private final transient DevPki devPki;
    private final DataLoader next;

    DevPkiDataLoader(DevPki devPki, DataLoader next) {
        this.devPki = devPki;
        this.next = next;
    }

    @Override
    public byte[] get(String url) {
        if (devPki != null && devPki.serves(url)) {
            try {
                return devPki.get(url);
            } catch (IllegalArgumentException e) {
                throw new DSSException("The development PKI does not answer GET " + url);
            }
        }
        return next.get(url);
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        DSSException last = null;
        for (String url : urls) {
            try {
                byte[] data = get(url);
                if (data != null && data.length > 0) {
                    return new DataAndUrl(url, data);
                }
            } catch (DSSException e) {
                last = e;
            }
        }
        throw last != null ? last : new DSSException("None of the URLs answered: " + urls);
    }

    @Override
    public byte[] post(String url, byte[] content) {
        if (devPki != null && devPki.serves(url)) {
            try {
                return devPki.post(url, content);
            } catch (IllegalArgumentException e) {
                throw new DSSException("The development PKI does not answer POST " + url);
            }
        }
        return next.post(url, content);
    }

    @Override
    public void setContentType(String contentType) {
        next.setContentType(contentType);
    }
}
