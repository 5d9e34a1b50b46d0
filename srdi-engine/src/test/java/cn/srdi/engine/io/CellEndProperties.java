package cn.srdi.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The word-at-a-time cell scan finds the same end and the same ASCII verdict as a byte loop. */
class CellEndProperties {

    @Provide
    Arbitrary<byte[]> rows() {
        return Arbitraries.bytes().list().ofMaxSize(70).map(list -> {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                byte v = list.get(i);
                b[i] = (v & 3) == 0 ? (byte) ',' : v;
            }
            return b;
        });
    }

    @Property(tries = 5000)
    void the_word_scan_agrees_with_the_byte_scan(@ForAll("rows") byte[] b, @ForAll int seed) {
        int from = b.length == 0 ? 0 : Math.floorMod(seed, b.length + 1);
        int end = from;
        int nonAscii = 0;
        while (end < b.length && b[end] != ',') {
            nonAscii |= b[end];
            end++;
        }
        long got = RowConverter.cellEnd(b, from, b.length);
        assertThat((int) got).isEqualTo(end);
        assertThat(got < 0).isEqualTo(nonAscii < 0);
    }
}
