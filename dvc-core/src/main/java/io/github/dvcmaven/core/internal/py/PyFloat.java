package io.github.dvcmaven.core.internal.py;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest digit string that round-trips, in fixed notation when the
 * decimal exponent is in [-4, 16), otherwise scientific with a signed, at least two-digit exponent.
 * Used wherever dvc writes a float (YAML via ruamel, JSON via json.dumps).
 */
public final class PyFloat {
    private PyFloat() {}

    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return (1.0 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String sign = shortest.signum() < 0 ? "-" : "";
        BigDecimal abs = shortest.abs().stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        // value = 0.d1d2..dn * 10^(exp+1), i.e. d1.d2..dn * 10^exp
        int exp = digits.length() - 1 - abs.scale();
        if (exp >= -4 && exp < 16) {
            return sign + fixed(digits, exp);
        }
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int absExp = Math.abs(exp);
        if (absExp < 10) {
            sb.append('0');
        }
        return sb.append(absExp).toString();
    }

    private static String fixed(String digits, int exp) {
        StringBuilder sb = new StringBuilder();
        if (exp < 0) {
            sb.append("0.");
            sb.append("0".repeat(-exp - 1));
            sb.append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits);
            sb.append("0".repeat(exp + 1 - digits.length()));
            sb.append(".0");
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }

    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
