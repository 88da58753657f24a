package cn.dcjk.common.unit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegionCodeTest {

    @ParameterizedTest(name = "{0} strictly inside {1}: {2}")
    @CsvSource({
            "370102, 370100, true",        // a district inside its city
            "370102, 370000, true",        // inside its province
            "370100, 370000, true",        // a city inside its province
            "370102001, 370102, true",     // a township inside its county
            "370304101201, 370304101, true", // a village inside its township
            "370304101201, 370000, true",
            "370100, 370100, false",       // the same region is not lower
            "370000, 370100, false",       // upper is not lower
            "370202, 370100, false",       // another city's district
            "370211, 370210, false",       // a neighbouring county code is not a parent
            "370102001, 370112, false",
            "110000, 370000, false"})
    void strictlyInside(String inner, String outer, boolean expected) {
        assertEquals(expected, new RegionCode(inner).strictlyInside(new RegionCode(outer)));
    }

    @Test
    void prefixDropsTrailingZeroPairsOfTheSixDigitPart() {
        assertEquals("37", new RegionCode("370000").prefix());
        assertEquals("3701", new RegionCode("370100").prefix());
        assertEquals("370102", new RegionCode("370102").prefix());
        assertEquals("370102001", new RegionCode("370102001").prefix());
    }

    @Test
    void theStaticReadingsAreNullSafe() {
        assertEquals(true, RegionCode.strictlyInside("370102", "370000"));
        assertEquals(false, RegionCode.strictlyInside(null, "370000"));
        assertEquals(false, RegionCode.within("37", "370000"));
        assertEquals(true, RegionCode.within("370100", "370100"));
        assertEquals("3701", RegionCode.prefix("370100"));
        assertEquals("", RegionCode.prefix(null));
    }

    @Test
    void rejectsMalformedCodes() {
        assertThrows(IllegalArgumentException.class, () -> new RegionCode("3701"));
        assertThrows(IllegalArgumentException.class, () -> new RegionCode("37010A"));
        assertThrows(IllegalArgumentException.class, () -> new RegionCode("3701020011"));
        assertThrows(IllegalArgumentException.class, () -> new RegionCode(null));
    }
}
