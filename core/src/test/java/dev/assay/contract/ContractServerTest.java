package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContractServerTest {
    private static ContractServer.Connection connection(String serverYaml) {
        String yaml = "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\nservers:\n"
                + serverYaml;
        return DataContract.parse(yaml, "c.yaml").servers().get(0).connection();
    }

    @Test
    void postgres_and_mysql_become_jdbc_urls_without_credentials() {
        assertThat(connection("  - server: p\n    type: postgres\n    host: db\n    port: 5433\n    database: shop\n"
                        + "    schema: sales\n"))
                .isEqualTo(new ContractServer.Jdbc("jdbc:postgresql://db:5433/shop", java.util.Optional.of("sales")));
        assertThat(connection(
                        "  - server: m\n    type: mysql\n    host: 127.0.0.1\n    port: 3306\n    database: test\n"))
                .isEqualTo(new ContractServer.Jdbc("jdbc:mysql://127.0.0.1:3306/test", java.util.Optional.empty()));
    }

    @Test
    void other_databases() {
        assertThat(((ContractServer.Jdbc)
                                connection("  - server: s\n    type: sqlserver\n    host: h\n    database: d\n"
                                        + "    schema: dbo\n"))
                        .url())
                .isEqualTo("jdbc:sqlserver://h:1433;databaseName=d");
        assertThat(((ContractServer.Jdbc) connection("  - server: o\n    type: oracle\n    host: h\n    port: 1521\n"
                                + "    serviceName: svc\n"))
                        .url())
                .isEqualTo("jdbc:oracle:thin:@//h:1521/svc");
        assertThat(((ContractServer.Jdbc) connection("  - server: d\n    type: duckdb\n    database: /data/x.duckdb\n"))
                        .url())
                .isEqualTo("jdbc:duckdb:/data/x.duckdb");
        assertThat(((ContractServer.Jdbc) connection("  - server: t\n    type: trino\n    host: h\n    port: 8080\n"
                                + "    catalog: hive\n    schema: s\n"))
                        .url())
                .isEqualTo("jdbc:trino://h:8080/hive/s");
    }

    @Test
    void local_and_s3_become_file_locations() {
        ContractServer.Files local = (ContractServer.Files)
                connection("  - server: l\n    type: local\n    path: ./data/{model}.csv\n" + "    format: CSV\n");
        ContractServer.Files s3 = (ContractServer.Files) connection("  - server: s\n    type: s3\n"
                + "    location: s3://bucket/orders/*.parquet\n    endpointUrl: http://127.0.0.1:9000\n");

        assertThat(local.format()).isEqualTo("csv");
        assertThat(local.locationOf("orders")).isEqualTo("./data/orders.csv");
        assertThat(s3)
                .isEqualTo(new ContractServer.Files(
                        "s3://bucket/orders/*.parquet", "parquet", java.util.Optional.of("http://127.0.0.1:9000")));
    }

    @Test
    void a_server_assay_cannot_read_says_why() {
        assertThat(connection("  - server: k\n    type: kafka\n    host: broker:9092\n"))
                .isEqualTo(new ContractServer.Unsupported("server type 'kafka' (servers[0]) has no Assay source yet;"
                        + " Assay reads JDBC databases (postgres, mysql, sqlserver, oracle, db2, redshift, trino, presto,"
                        + " clickhouse, vertica, hive, duckdb, snowflake), local files and s3"));
        assertThat(connection("  - server: s\n    type: s3\n    location: s3://bucket/orders/\n"))
                .isEqualTo(new ContractServer.Unsupported("server 's' (servers[0]) names no format and"
                        + " 's3://bucket/orders/' has no known file extension"));
    }
}
