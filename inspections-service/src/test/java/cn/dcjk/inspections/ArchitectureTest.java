package cn.dcjk.inspections;

import cn.dcjk.testing.ServiceArchitectureTest;

/** The suite's architecture on this service: rules in the one shape, free of framework types; no other service's code. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("cn.dcjk.inspections");
    }
}
