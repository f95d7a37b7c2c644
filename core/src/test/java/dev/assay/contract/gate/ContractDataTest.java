package dev.assay.contract.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.contract.DataContract;
import dev.assay.error.AssayException;
import org.junit.jupiter.api.Test;

class ContractDataTest {
    @Test
    void masks_passwords_in_urls_for_messages() {
        assertThat(ContractData.redacted("jdbc:postgresql://db:5432/shop?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=u&password=***&ssl=true");
        assertThat(ContractData.redacted("jdbc:sqlserver://db;user=u;Password=s3cret;db=x"))
                .isEqualTo("jdbc:sqlserver://db;user=u;Password=***;db=x");
        assertThat(ContractData.redacted("jdbc:mysql://u:s3cret@db/shop")).isEqualTo("jdbc:mysql://u:***@db/shop");
    }

    @Test
    void names_a_url_no_driver_takes() {
        DataContract contract = DataContract.parse(
                "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\nservers:\n"
                        + "  - server: prod\n    type: db2\n    host: h\n    port: 50000\n    database: d\n"
                        + "schema:\n  - name: t\n",
                "c.yaml");

        assertThatThrownBy(() -> ContractData.driverUrl(contract.servers().get(0), "jdbc:db2://h:50000/d"))
                .isInstanceOf(AssayException.class)
                .hasMessage("no JDBC driver on the class path takes jdbc:db2://h:50000/d (server 'prod', type db2); add"
                        + " the database's JDBC driver to the class path");
    }
}
