package dev.imagesync.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotQuantityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"0,0", "1024,1024", "256m,268435456", "1g,1073741824", "1.5G,1610612736", "2GiB,2147483648",
            "512kb,524288", "1t,1099511627776", "1_024,1024", "0.5k,512", "1.0001k,1024", "inf,Infinity",
            "Infinity,Infinity", "' 64m ',67108864"})
    void binarySize_parsesBinarySuffixes(String text, String bytes) {
        assertThat(BinarySize.parse(text).toString()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"abc", "1x", "m", "-1g", "''", "1.2.3m"})
    void binarySize_rejectsNonAmounts(String text) {
        assertThatThrownBy(() -> BinarySize.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "0.5,0.5", "2.50,2.5", "inf,Infinity"})
    void count_parsesDecimals(String text, String value) {
        assertThat(SlotQuantity.parse(text, SlotUnit.COUNT).toString()).isEqualTo(value);
    }

    @Test
    void count_rejectsSuffixes() {
        assertThatThrownBy(() -> SlotQuantity.parse("1g", SlotUnit.COUNT)).hasMessage("'1g' is not a number");
    }

    @Test
    void unlimited_isAboveEverything() {
        assertThat(SlotQuantity.UNLIMITED).isGreaterThan(SlotQuantity.parse("1e30", SlotUnit.COUNT));
        assertThat(SlotQuantity.ZERO).isLessThan(SlotQuantity.UNLIMITED);
    }

    @ParameterizedTest(name = "{0} -> [{1}, {2}]")
    @CsvSource(delimiter = '|', textBlock = """
            1:4        | 1    | 4
            1:         | 1    |
            :4         |      | 4
            256m:2g    | 256m | 2g
            """)
    void limitRange_keepsEitherSide(String text, String min, String max) {
        SlotUnit unit = text.contains("m") ? SlotUnit.BYTES : SlotUnit.COUNT;
        assertThat(LimitRangeInput.parse(text, unit)).isEqualTo(new LimitRangeInput(min, max));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            :       | sets neither a minimum nor a maximum
            4       | must be MIN:MAX
            1:2:3   | must be MIN:MAX
            x:4     | is not a number
            4:1     | minimum above its maximum
            -1:     | is negative
            """)
    void limitRange_rejectsBadInput(String text, String problem) {
        assertThatThrownBy(() -> LimitRangeInput.parse(text, SlotUnit.COUNT))
                .hasMessageStartingWith("range '" + text + "'").hasMessageContaining(problem);
    }

    @Test
    void limitRange_checksBytesWithBinarySuffixes() {
        assertThatThrownBy(() -> LimitRangeInput.parse("2g:1g", SlotUnit.BYTES)).hasMessageContaining("above");
        assertThatThrownBy(() -> LimitRangeInput.parse("1q:", SlotUnit.BYTES)).hasMessageContaining("bytes slot");
    }
}
