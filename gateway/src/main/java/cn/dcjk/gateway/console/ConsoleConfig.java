package cn.dcjk.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the console's visitors reach the suite and its sign-in. */
@ConfigMapping(prefix = "dcjk.console")
public interface ConsoleConfig {

    /** The public address of the console, as printed in approval QR codes (scheme, host, port; no path). */
    String publicUrl();

    /** The realm as a browser reaches it (may differ from the address the gateway checks tokens against). */
    String realmUrl();

    /** The public realm client the console signs in with (authorization code + PKCE). */
    @WithDefault("dcjk-console")
    String clientId();
}
