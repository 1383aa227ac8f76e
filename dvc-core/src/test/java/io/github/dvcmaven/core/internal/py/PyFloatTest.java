package io.github.dvcmaven.core.internal.py;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyFloatTest {
    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0",
        "0.1, 0.1",
        "0.001, 0.001",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1.5e-7, 1.5e-07",
        "1e16, 1e+16",
        "1e20, 1e+20",
        "1e100, 1e+100",
        "15000000000.0, 15000000000.0",
        "1000000000000000.0, 1000000000000000.0",
        "123456789012345680000.0, 1.2345678901234568e+20",
        "-2.5, -2.5",
        "0.30000000000000004, 0.30000000000000004",
        "2e23, 2e+23",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "100.0, 100.0",
        "0.5, 0.5",
        "3.14159, 3.14159",
    })
    void matchesPythonRepr(double value, String expected) {
        assertThat(PyFloat.repr(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void specials() {
        assertThat(PyFloat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PyFloat.repr(0.0)).isEqualTo("0.0");
        assertThat(PyFloat.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PyFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }
}
