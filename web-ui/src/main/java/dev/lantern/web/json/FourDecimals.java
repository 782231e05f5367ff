package dev.lantern.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rule for probabilities and scores in API answers: four decimals. The models' own precision ends about
 * there (int8 weights), and 0.17396196154301463 reads as noise next to the captioner's 0.174.
 */
public final class FourDecimals extends StdSerializer<Double> {

    public FourDecimals() {
        super(Double.class);
    }

    /** Written plain ("0.0001", not Jackson's "1.0E-4") and without trailing zeros. */
    @Override
    public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeNumber(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString());
    }
}
