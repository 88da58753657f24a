package cn.dcjk.gateway;

import cn.dcjk.testing.ServiceArchitectureTest;

/**
 * The suite's architecture on the gateway: it judges the commons' rules (NO-DIRECT-DEMAND in the one
 * shape, free of framework types) and uses no service's code.
 */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("cn.dcjk.gateway", 0);
    }
}
