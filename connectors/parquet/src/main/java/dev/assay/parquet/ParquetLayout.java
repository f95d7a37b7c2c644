package dev.assay.parquet;

import dev.assay.engine.arrow.TypeNames;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.MalformedDataException;
import dev.assay.source.DatasetSchema;
import dev.assay.source.FileLocation;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The footers of every file of a source and the schema they share. Built once per source; immutable
 * and thread-safe.
 */
final class ParquetLayout {
    final List<ParquetFooter> footers;
    final DatasetSchema schema;

    private ParquetLayout(List<ParquetFooter> footers, DatasetSchema schema) {
        this.footers = footers;
        this.schema = schema;
    }

    /** Reads every footer and checks that all files have the same columns with the same types. */
    static ParquetLayout resolve(List<FileLocation> files) {
        List<ParquetFooter> footers = readFooters(files);
        ParquetFooter first = footers.get(0);
        List<Field> fields = fields(first);
        Map<String, Field> byName = new HashMap<>();
        Set<String> nullable = new HashSet<>();
        for (Field f : fields) {
            if (byName.putIfAbsent(f.getName(), f) != null) {
                throw new MalformedDataException(
                        first.location().uri() + ": duplicate column name '" + f.getName() + "' in the Parquet schema");
            }
            if (f.isNullable()) {
                nullable.add(f.getName());
            }
        }
        for (ParquetFooter other : footers.subList(1, footers.size())) {
            Map<String, Field> seen = new HashMap<>();
            for (Field f : fields(other)) {
                seen.put(f.getName(), f);
                Field expected = byName.get(f.getName());
                if (expected == null) {
                    throw differ("column '" + f.getName() + "' is in "
                            + other.location().uri() + " but not in "
                            + first.location().uri());
                }
                if (!sameType(expected, f)) {
                    throw differ("column '" + f.getName() + "' is " + TypeNames.of(expected) + " in "
                            + first.location().uri() + " but " + TypeNames.of(f) + " in "
                            + other.location().uri());
                }
                if (f.isNullable()) {
                    nullable.add(f.getName());
                }
            }
            for (Field f : fields) {
                if (!seen.containsKey(f.getName())) {
                    throw differ("column '" + f.getName() + "' is in "
                            + first.location().uri() + " but not in "
                            + other.location().uri());
                }
            }
        }
        List<Field> merged = new ArrayList<>(fields.size());
        for (Field f : fields) {
            boolean n = nullable.contains(f.getName());
            merged.add(
                    n == f.isNullable()
                            ? f
                            : new Field(
                                    f.getName(),
                                    new FieldType(n, f.getType(), f.getDictionary(), f.getMetadata()),
                                    f.getChildren()));
        }
        return new ParquetLayout(List.copyOf(footers), new DatasetSchema(merged));
    }

    /** How many footers are read at once: remote stores answer each read after a round trip. */
    private static final int FOOTER_READERS = 16;

    /** The footers of {@code files}, in order; several files are read concurrently. */
    private static List<ParquetFooter> readFooters(List<FileLocation> files) {
        if (files.size() == 1) {
            return List.of(ParquetFooter.read(files.get(0)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(files.size(), FOOTER_READERS), r -> {
            Thread t = new Thread(r, "assay-parquet-footer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ParquetFooter>> futures = new ArrayList<>(files.size());
            for (FileLocation file : files) {
                futures.add(pool.submit(() -> ParquetFooter.read(file)));
            }
            List<ParquetFooter> footers = new ArrayList<>(files.size());
            for (Future<ParquetFooter> f : futures) {
                footers.add(await(f));
            }
            return footers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ParquetFooter await(Future<ParquetFooter> footer) {
        try {
            return footer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the first failing file in order, with its own message
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssayException(ErrorCode.INTERNAL, "reading a Parquet footer failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssayException(ErrorCode.SOURCE_UNAVAILABLE, "interrupted while reading Parquet footers", e);
        }
    }

    private static List<Field> fields(ParquetFooter footer) {
        List<Field> out = new ArrayList<>();
        for (Type t : footer.schema().getFields()) {
            Field field = ParquetTypes.field(t);
            if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                // Described, so schema expectations see it; not read, so value expectations fail alone.
                field = DatasetSchema.unreadable(field, unreadableMessage(t));
            }
            out.add(field);
        }
        return out;
    }

    /** The same name, type and children; nullability may differ between files. */
    private static boolean sameType(Field a, Field b) {
        if (!a.getName().equals(b.getName()) || !a.getType().equals(b.getType())) {
            return false;
        }
        if (a.getChildren().size() != b.getChildren().size()) {
            return false;
        }
        for (int i = 0; i < a.getChildren().size(); i++) {
            if (!sameType(a.getChildren().get(i), b.getChildren().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static MalformedDataException differ(String what) {
        return new MalformedDataException("Parquet files have different schemas: " + what);
    }

    /**
     * The top-level Parquet field {@code column} of {@code footer}, checked to be primitive.
     *
     * @throws AssayException naming the column and its Parquet type when it is nested or repeated
     */
    static Type primitiveColumn(ParquetFooter footer, String column) {
        MessageType schema = footer.schema();
        Type type = schema.getType(column);
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
            throw new AssayException(ErrorCode.METRIC_UNAVAILABLE, unreadableMessage(type));
        }
        return type;
    }

    private static String unreadableMessage(Type type) {
        return "column '" + type.getName() + "' is a " + ParquetTypes.nestedKind(type)
                + "; Assay reads primitive Parquet columns only";
    }

    /** One split per non-empty row group, in file order; ordinals keep that order. */
    List<Split> splits(ScanRequest request, String batchName) {
        List<Field> requested = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : request.columns()) {
            Field field = schema.require(name, batchName);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column '" + name + "' is requested twice");
            }
            primitiveColumn(footers.get(0), name);
            requested.add(field);
        }
        long total = 0;
        for (ParquetFooter footer : footers) {
            total += footer.rowGroups().size();
        }
        int splitBits = total <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(total - 1);
        int batchBits = 39 - splitBits;
        if (batchBits < 20) {
            throw new AssayException(ErrorCode.INTERNAL, "too many row groups in one batch: " + total);
        }
        List<Split> splits = new ArrayList<>();
        long index = 0;
        for (ParquetFooter footer : footers) {
            List<BlockMetaData> groups = footer.rowGroups();
            for (int g = 0; g < groups.size(); g++) {
                long ordinal = index++ << batchBits;
                if (groups.get(g).getRowCount() > 0) {
                    splits.add(new RowGroupSplit(footer, g, requested, request, ordinal, batchBits));
                }
            }
        }
        return splits;
    }
}
