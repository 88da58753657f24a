package cn.dcjk.gateway.proxy;

import cn.dcjk.gateway.route.UpstreamClient;

import java.net.URI;

/** Absolute URLs an upstream answers with name the gateway's public address, never a service's internal one. */
final class PublicUrls {

    private PublicUrls() {
    }

    static String rewrite(String value, UpstreamClient upstream, String publicBase) {
        try {
            URI uri = URI.create(value.trim());
            if (!uri.isAbsolute()) {
                return value;
            }
            String host = uri.getHost();
            int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
            boolean internal = host != null && (host.equalsIgnoreCase(upstream.host) && port == upstream.port);
            if (!internal) {
                return value;
            }
            String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                rest += "?" + uri.getRawQuery();
            }
            return publicBase + rest;
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
