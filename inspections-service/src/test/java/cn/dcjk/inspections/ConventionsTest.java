package cn.dcjk.inspections;

import cn.dcjk.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConventionsTest extends ServiceConventionsTest {
}
