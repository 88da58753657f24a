package cn.dcjk.accountability;

import cn.dcjk.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConventionsTest extends ServiceConventionsTest {
}
