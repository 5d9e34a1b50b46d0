package cn.srdi.app.registry;

import java.util.List;

/** One page of the firm list and the total number of matching firms. */
public record FirmPage(List<FirmRow> rows, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
