package dev.assay.cli;

import dev.assay.csv.BadRowPolicy;
import dev.assay.csv.CsvSource;
import dev.assay.csv.DataLocations;
import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ResultFormat;
import dev.assay.report.JUnitXmlReport;
import dev.assay.report.JUnitXmlReport.TestSuite;
import dev.assay.result.ResultJson;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import dev.assay.source.FileAsset;
import dev.assay.source.FileSource;
import dev.assay.source.FileStores;
import dev.assay.store.Store;
import dev.assay.suite.SuiteFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assay validate}: validates data files or a database table against a suite and prints the result. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Validate data files (CSV or Parquet, local or in S3; a file, a folder, a glob, or a batch of a file"
                        + " asset) or a database table or query (JDBC; the metrics computed in the database) against"
                        + " an expectation suite.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every expectation passed",
            "1:at least one expectation failed or could not be evaluated",
            "2:a usage, configuration or data error"
        })
final class ValidateCommand implements Callable<Integer> {
    private final Map<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JdbcOptions jdbc;

    /** A command that reads settings such as {@value JdbcOptions#PASSWORD_ENV} from {@code environment}. */
    ValidateCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "Suite file (.json, .yaml, .yml).")
    Path suite;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "PATH|URI|JDBC-URL",
            description = "A file, a folder or a glob, local or s3://bucket/key (CSV plain or gzip, Parquet), such as"
                    + " 'data/trips-*.csv' or 's3://lake/raw/trips/year=2024/'; with --asset, the folder or prefix."
                    + " Or a database's JDBC URL with --table or --query, such as"
                    + " 'jdbc:postgresql://127.0.0.1:5432/shop' (drivers of PostgreSQL, MariaDB and MySQL as"
                    + " jdbc:mariadb:, and H2 are bundled; add others' jars with ASSAY_CLASSPATH).")
    String data;

    @Option(
            names = "--input-format",
            paramLabel = "csv|parquet",
            description = "How to read the files (default: by extension: .csv, .csv.gz, .tsv, .parquet, .parq;"
                    + " CSV for a single file of another name).")
    String inputFormat;

    @Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description = "For s3:// data: an S3-compatible endpoint (MinIO, Ceph, LocalStack), e.g."
                    + " http://127.0.0.1:9000.")
    String s3Endpoint;

    @Option(names = "--s3-path-style", description = "For s3:// data: address buckets by path, not host name.")
    boolean s3PathStyle;

    @Option(names = "--profile", paramLabel = "NAME", description = "For s3:// data: the AWS profile to use.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "For s3:// data: the AWS region, e.g. eu-west-1.")
    String region;

    @Option(
            names = "--asset",
            paramLabel = "PATTERN",
            description = "Files under the --data folder matching PATTERN, with {name} groups, * and **,"
                    + " e.g. 'trips/year={year}/month={month}/*.csv' (or 're:' and a regex with named groups).")
    String asset;

    @Option(
            names = "--batch",
            paramLabel = "GROUP=VALUE",
            description = "With --asset: the batch's group value (repeatable); GROUP=FROM..TO for a range. With"
                    + " --table or --query: the rows whose COLUMN has VALUE, or is in FROM..TO (both included); on a"
                    + " date or timestamp column 2024-01-31, 2024-01 or 2024 selects a day, month or year.")
    List<String> batch;

    @Option(
            names = "--latest",
            description = "With --asset: the batch with the greatest group values. With --table or --query and"
                    + " --partition-by: the last day, month, year or value that has rows.")
    boolean latest;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "text|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--result-format",
            paramLabel = "LEVEL",
            description = "BOOLEAN_ONLY, BASIC (default), SUMMARY or COMPLETE, for expectations that set none.")
    String resultFormat;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field delimiter (default ','; 'tab' for a tab).")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", description = "Quote character (default '\"').")
    Character quote;

    @Option(names = "--escape", paramLabel = "CHAR", description = "Escape character (default: the quote, doubled).")
    Character escape;

    @Option(names = "--no-header", description = "The first line is data; columns are named column_1, column_2, ...")
    boolean noHeader;

    @Option(
            names = "--null",
            paramLabel = "TOKEN",
            description = "A text that means null (repeatable; default: empty field).")
    List<String> nullTokens;

    @Option(names = "--infer-rows", paramLabel = "N", description = "Rows sampled to infer column types.")
    Integer inferRows;

    @Option(
            names = "--bad-rows",
            defaultValue = "fail",
            paramLabel = "fail|report",
            description = "On a malformed row: fail the run (default) or count it as unexpected.")
    String badRows;

    @Option(
            names = "--now",
            paramLabel = "INSTANT",
            description = "The time freshness is measured at (ISO-8601), for reproducible runs.")
    String now;

    @Option(names = "--ascii", description = "Plain ASCII output, no Unicode marks.")
    boolean ascii;

    @Option(
            names = "--junit-xml",
            paramLabel = "PATH",
            description = "Also write the result as a JUnit XML report (one test case per expectation), for CI"
                    + " test reporters.")
    Path junitXml;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ExpectationSuite expectationSuite = SuiteFiles.read(suite);
            Batch source = batch();
            Validator validator = validator();
            ValidationResult result;
            Progress progress = Progress.start(err, "validating " + source.name());
            try {
                result = validator.validate(source, expectationSuite);
            } finally {
                progress.close();
            }
            if (junitXml != null) {
                writeJunitXml(result);
            }
            if (format.equalsIgnoreCase("json")) {
                out.println(ResultJson.toJson(result));
            } else {
                out.print(ResultText.render(result, !ascii));
            }
            out.flush();
            return result.success() ? AssayCommand.PASSED : AssayCommand.FAILED;
        } catch (AssayException e) {
            err.println("assay: " + e.getMessage());
            err.flush();
            return AssayCommand.ERROR;
        }
    }

    /** The JUnit XML report, written whole or not at all (a temporary file renamed over the target). */
    private void writeJunitXml(ValidationResult result) {
        Path target = junitXml.toAbsolutePath().normalize();
        String xml = JUnitXmlReport.toXml("assay validate " + result.suiteName(), List.of(TestSuite.of(result)));
        Store.local(target.getParent()).write(target.getFileName().toString(), xml.getBytes(StandardCharsets.UTF_8));
    }

    private Batch batch() {
        BadRowPolicy policy = badRowPolicy();
        if (delimiter != null) {
            delimiterChar();
        }
        Map<String, String> options = storeOptions();
        String forced = forcedFormat();
        if (JdbcOptions.isJdbc(data)) {
            if (asset != null || forced != null) {
                throw usage("--asset, --input-format and the CSV options apply to files, not to jdbc: data");
            }
            if (latest && batch != null) {
                throw usage("--latest cannot be combined with --batch");
            }
            return jdbc.batch(data, batchRequest(), latest, environment);
        }
        jdbc.rejectWithoutJdbc();
        DataLocations.Options read =
                new DataLocations.Options(forced, "--input-format", options, csv -> configure(csv, policy));
        if (asset == null) {
            if (batch != null || latest) {
                throw usage("--batch and --latest need --asset (or --table or --query with jdbc: data)");
            }
            return DataLocations.batch(data, data, read);
        }
        if (latest && batch != null) {
            throw usage("--latest cannot be combined with --batch");
        }
        BatchRequest request = batchRequest();
        FileAsset files = FileSource.at(data, options).asset(assetName(), asset, DataLocations.format(read));
        return latest ? files.latestBatch() : files.batch(request);
    }

    /** The --input-format, or csv when a CSV setting is given, or null. */
    private String forcedFormat() {
        boolean csvSettings = delimiter != null
                || quote != null
                || escape != null
                || noHeader
                || (nullTokens != null && !nullTokens.isEmpty())
                || inferRows != null;
        if (inputFormat != null) {
            String f = inputFormat.toLowerCase(Locale.ROOT);
            if (csvSettings && !f.equals("csv")) {
                throw usage("--delimiter, --quote, --escape, --no-header, --null and --infer-rows apply to CSV only,"
                        + " not to --input-format " + inputFormat);
            }
            return f;
        }
        return csvSettings ? "csv" : null;
    }

    private Map<String, String> storeOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        if (s3Endpoint != null) {
            options.put("s3.endpoint", s3Endpoint);
        }
        if (s3PathStyle) {
            options.put("s3.path-style", "true");
        }
        if (profile != null) {
            options.put("s3.profile", profile);
        }
        if (region != null) {
            options.put("s3.region", region);
        }
        if (!options.isEmpty() && !"s3".equals(FileStores.scheme(data))) {
            throw usage("--s3-endpoint, --s3-path-style, --profile and --region apply to s3:// data only");
        }
        return options;
    }

    private BatchRequest batchRequest() {
        BatchRequest request = BatchRequest.all();
        for (String item : batch == null ? List.<String>of() : batch) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw usage("--batch must be GROUP=VALUE or GROUP=FROM..TO"
                        + (JdbcOptions.isJdbc(data) ? " (COLUMN=VALUE or COLUMN=FROM..TO for a table)" : "")
                        + ", got '" + item + "'");
            }
            String group = item.substring(0, eq);
            String value = item.substring(eq + 1);
            if (request.groups().contains(group)) {
                throw usage(
                        "--batch gives " + (JdbcOptions.isJdbc(data) ? "column" : "group") + " '" + group + "' twice");
            }
            int range = value.indexOf("..");
            request = range < 0
                    ? request.and(group, value)
                    : request.andRange(group, value.substring(0, range), value.substring(range + 2));
        }
        return request;
    }

    /** The pattern's first plain folder ({@code trips} in {@code trips/year={year}/*.csv}), else the folder's name. */
    private String assetName() {
        if (!asset.startsWith("re:")) {
            String first = asset.split("/", -1)[0];
            if (asset.contains("/") && !first.isEmpty() && first.chars().noneMatch(c -> "{}*?=".indexOf(c) >= 0)) {
                return first;
            }
        }
        if (FileStores.scheme(data) != null) {
            return DataLocations.lastSegment(data);
        }
        Path name = Path.of(data).toAbsolutePath().normalize().getFileName();
        return name == null ? "files" : name.toString();
    }

    private BadRowPolicy badRowPolicy() {
        switch (badRows.toLowerCase(Locale.ROOT)) {
            case "fail":
                return BadRowPolicy.FAIL;
            case "report":
                return BadRowPolicy.REPORT;
            default:
                throw usage("--bad-rows must be 'fail' or 'report', got '" + badRows + "'");
        }
    }

    private CsvSource configure(CsvSource csv, BadRowPolicy policy) {
        CsvSource source = csv;
        if (delimiter != null) {
            source = source.delimiter(delimiterChar());
        }
        if (quote != null) {
            source = source.quote(quote);
        }
        if (escape != null) {
            source = source.escape(escape);
        }
        if (noHeader) {
            source = source.header(false);
        }
        if (nullTokens != null && !nullTokens.isEmpty()) {
            source = source.nullTokens(nullTokens.toArray(String[]::new));
        }
        if (inferRows != null) {
            source = source.inferSchema(inferRows);
        }
        return source.badRows(policy);
    }

    private char delimiterChar() {
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw usage("--delimiter must be one character or 'tab', got '" + delimiter + "'");
        }
        return delimiter.charAt(0);
    }

    private Validator validator() {
        Validator validator = Validator.create();
        if (resultFormat != null) {
            try {
                validator = validator.withResultFormat(
                        ResultFormat.of(ResultFormat.Level.valueOf(resultFormat.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw usage(
                        "--result-format must be BOOLEAN_ONLY, BASIC, SUMMARY or COMPLETE, got '" + resultFormat + "'");
            }
        }
        if (!format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("text")) {
            throw usage("--format must be 'text' or 'json', got '" + format + "'");
        }
        if (now != null) {
            try {
                validator = validator.withClock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw usage("--now must be an ISO-8601 instant such as 2024-05-01T00:00:00Z, got '" + now + "'");
            }
        }
        return validator;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
