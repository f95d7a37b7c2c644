package dev.assay.contract.gate;

import dev.assay.contract.DataContract;
import dev.assay.contract.gate.Change.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The changes found so far between two contracts, each with its line in the version it points into. */
final class Changes {
    private final DataContract before;
    private final DataContract after;
    private final List<Change> list = new ArrayList<>();

    Changes(DataContract before, DataContract after) {
        this.before = before;
        this.after = after;
    }

    /** A change at a path of the new version. */
    void add(String afterPath, Severity severity, String message) {
        list.add(new Change(afterPath, line(after, afterPath), severity, message));
    }

    /** A removal: the path is in the old version. */
    void removed(String beforePath, Severity severity, String message) {
        list.add(new Change(beforePath, line(before, beforePath), severity, message));
    }

    List<Change> list() {
        return List.copyOf(list);
    }

    /** The line of the path or, failing that, of its closest parent that has one. */
    private static OptionalInt line(DataContract contract, String path) {
        String p = path;
        while (true) {
            OptionalInt l = contract.line(p);
            if (l.isPresent() || p.isEmpty()) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
