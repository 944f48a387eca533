package dev.jdbcdynamo.driver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.driver.DynamoDriver;
import dev.jdbcdynamo.driver.config.DynamoUrl.Kind;
import dev.jdbcdynamo.engine.config.DatabaseConfig.ShardAddress;
import dev.jdbcdynamo.planner.error.DynamoException;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every URL form, good and bad, parsed without any database (the idea of Trino's driver URI tests). */
class DynamoUrlTest {

    static Stream<Arguments> goodUrls() {
        return Stream.of(
                good("jdbc:dynamo:mem:", Kind.MEM, "default"),
                good("jdbc:dynamo:mem:orders_1", Kind.MEM, "orders_1"),
                good("jdbc:dynamo:mem:?", Kind.MEM, "default"),
                good("jdbc:dynamo:mem:x?shards=2&&language=partiql&", Kind.MEM, "x"),
                good("jdbc:dynamo:embedded:./data", Kind.EMBEDDED, "./data"),
                good("jdbc:dynamo:embedded:/var/lib/dynamo?closeDelay=-1", Kind.EMBEDDED, "/var/lib/dynamo"),
                good("jdbc:dynamo:config=topology.yaml", Kind.CONFIG, "topology.yaml"),
                good("jdbc:dynamo:config=classpath:topology.yaml?poolSize=3", Kind.CONFIG, "classpath:topology.yaml"),
                good("jdbc:dynamo:mysql://h1:3306/db0,h2:3306/db1", Kind.MYSQL, "h1:3306/db0,h2:3306/db1",
                        "h1:3306/db0", "h2:3306/db1"),
                good("jdbc:dynamo:mysql://h1/db0", Kind.MYSQL, "h1/db0", "h1:3306/db0"),
                good("jdbc:dynamo:mysql://db-1.example.internal:3307/shard_$0?user=u", Kind.MYSQL,
                        "db-1.example.internal:3307/shard_$0", "db-1.example.internal:3307/shard_$0"),
                good("jdbc:dynamo:mysql://h1:3306/db0, h2/db1", Kind.MYSQL, "h1:3306/db0, h2/db1",
                        "h1:3306/db0", "h2:3306/db1"),
                good("jdbc:dynamo:mysql://[::1]:3306/db0", Kind.MYSQL, "[::1]:3306/db0", "[::1]:3306/db0"),
                good("jdbc:dynamo:mysql://[::1]/db0,[2001:db8::1]:3307/db1", Kind.MYSQL,
                        "[::1]/db0,[2001:db8::1]:3307/db1", "[::1]:3306/db0", "[2001:db8::1]:3307/db1"),
                good("jdbc:dynamo:mysql://[::ffff:127.0.0.1]:65535/db0", Kind.MYSQL, "[::ffff:127.0.0.1]:65535/db0",
                        "[::ffff:127.0.0.1]:65535/db0"),
                good("jdbc:dynamo:mysql://127.0.0.1:1/db0", Kind.MYSQL, "127.0.0.1:1/db0", "127.0.0.1:1/db0"));
    }

    private static Arguments good(String url, Kind kind, String target, String... servers) {
        return Arguments.of(url, kind, target, List.of(servers));
    }

    @ParameterizedTest
    @MethodSource("goodUrls")
    void goodUrlParses(String url, Kind kind, String target, List<String> servers) {
        assertThat(new DynamoDriver().acceptsURL(url)).isTrue();
        DynamoUrl parsed = DynamoUrl.parse(url, null);
        assertThat(parsed.kind()).isEqualTo(kind);
        assertThat(parsed.target()).isEqualTo(target);
        assertThat(parsed.servers()).map(ShardAddress::toString).containsExactlyElementsOf(servers);
        assertThat(parsed.toConfig().location()).isNotNull();
    }

    static Stream<Arguments> badUrls() {
        return Stream.of(
                bad("jdbc:dynamo:", "expected mem:"),
                bad("jdbc:dynamo:memory:", "expected mem:"),
                bad("jdbc:dynamo:mem:a-b", "at most 32 letters"),
                bad("jdbc:dynamo:mem:" + "x".repeat(33), "at most 32 letters"),
                bad("jdbc:dynamo:embedded:", "needs a directory"),
                bad("jdbc:dynamo:embedded:?shards=2", "needs a directory"),
                bad("jdbc:dynamo:config=", "needs a topology file"),
                bad("jdbc:dynamo:config=classpath:", "needs a topology file"),
                bad("jdbc:dynamo:mysql://", "host[:port]/database, found ''"),
                bad("jdbc:dynamo:mysql://h1:3306", "host[:port]/database, found 'h1:3306'"),
                bad("jdbc:dynamo:mysql://h1:3306/", "host[:port]/database"),
                bad("jdbc:dynamo:mysql://h1:3306/db0,", "host[:port]/database, found ''"),
                bad("jdbc:dynamo:mysql:///db0", "host[:port]/database"),
                bad("jdbc:dynamo:mysql://:3306/db0", "missing host"),
                bad("jdbc:dynamo:mysql://h1:/db0", "bad port ''"),
                bad("jdbc:dynamo:mysql://h1:x/db0", "bad port 'x'"),
                bad("jdbc:dynamo:mysql://h1:+80/db0", "bad port '+80'"),
                bad("jdbc:dynamo:mysql://h1:0/db0", "port 0 out of range"),
                bad("jdbc:dynamo:mysql://h1:65536/db0", "port 65536 out of range"),
                bad("jdbc:dynamo:mysql://h1:3306/db-0", "database names are letters"),
                bad("jdbc:dynamo:mysql://h 1:3306/db0", "a host name is letters"),
                bad("jdbc:dynamo:mysql://::1:3306/db0", "an IPv6 host goes in brackets"),
                bad("jdbc:dynamo:mysql://[::1:3306/db0", "an IPv6 host is hex digits"),
                bad("jdbc:dynamo:mysql://[zz::1]:3306/db0", "an IPv6 host is hex digits"),
                bad("jdbc:dynamo:mysql://[]:3306/db0", "an IPv6 host is hex digits"),
                bad("jdbc:dynamo:mysql://[::1]3306/db0", "expected ':port' after the IPv6 host"),
                bad("jdbc:dynamo:mysql://[::1]:/db0", "bad port ''"),
                bad("jdbc:dynamo:mysql://[::1]:99999/db0", "port 99999 out of range"),
                bad("jdbc:dynamo:mem:?shards", "expected key=value in the query, found 'shards'"),
                bad("jdbc:dynamo:mem:?=4", "expected key=value in the query, found '=4'"),
                bad("jdbc:dynamo:mem:?shards=2&shards=3", "property shards is given twice"),
                bad("jdbc:dynamo:mem:?shards=2&SHARDS=3", "property shards is given twice"),
                bad("jdbc:dynamo:mem:?user=%zz", "bad percent-encoding in '%zz'"),
                bad("jdbc:dynamo:mem:?shards=abc", "'abc' of connection property shards: it accepts an integer from 1 to 256"),
                bad("jdbc:dynamo:mem:?shards=0", "'0' of connection property shards"),
                bad("jdbc:dynamo:mem:?shards=257", "'257' of connection property shards"),
                bad("jdbc:dynamo:mem:?consistentRead=1", "'1' of connection property consistentRead: it accepts true or false"),
                bad("jdbc:dynamo:mem:?consistentRead=yes", "'yes' of connection property consistentRead"),
                bad("jdbc:dynamo:mem:?poolSize=-3", "'-3' of connection property poolSize: it accepts an integer from 1 to 1000"),
                bad("jdbc:dynamo:mem:?language=xml", "'xml' of connection property language: it accepts one of sql, partiql"),
                bad("jdbc:dynamo:mem:?closeDelay=x", "'x' of connection property closeDelay: it accepts an integer from -1"),
                bad("jdbc:dynamo:mem:?closeDelay=-2", "'-2' of connection property closeDelay"),
                bad("jdbc:dynamo:mem:?fullScanGuard=on", "'on' of connection property fullScanGuard"),
                bad("jdbc:dynamo:mem:?gsiReadYourWrites=1", "'1' of connection property gsiReadYourWrites"),
                bad("jdbc:dynamo:mem:?returnValuesOnConditionCheckFailure=ALL_NEW",
                        "'ALL_NEW' of connection property returnValuesOnConditionCheckFailure: it accepts one of NONE, ALL_OLD"),
                bad("jdbc:dynamo:mem:?ringCheckMillis=-1", "'-1' of connection property ringCheckMillis"),
                bad("jdbc:dynamo:mem:?txRecoveryTimeout=1.5", "'1.5' of connection property txRecoveryTimeout"),
                bad("jdbc:dynamo:mem:?txRecoveryInterval=99999999999", "txRecoveryInterval"),
                bad("jdbc:dynamo:mem:?strictProperties=maybe", "'maybe' of connection property strictProperties"),
                bad("jdbc:dynamo:mem:?strictProperties=true&colour=blue",
                        "Unknown connection property colour (strictProperties=true); known properties: user,"));
    }

    private static Arguments bad(String url, String message) {
        return Arguments.of(url, message);
    }

    @ParameterizedTest
    @MethodSource("badUrls")
    void badUrlIsAnErrorNamingTheMistake(String url, String message) {
        assertThatThrownBy(() -> DynamoUrl.parse(url, null))
                .isInstanceOfSatisfying(DynamoException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Invalid jdbc:dynamo URL").contains(message);
                    assertThat(e.code().sqlState()).isEqualTo("08001");
                });
        // Through the driver, before any database is opened: an SQLException with the same words.
        assertThatThrownBy(() -> new DynamoDriver().connect(url, new Properties()))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08001");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://localhost:3306/db", "jdbc:postgresql://h/db", "jdbc:dynamodb:mem:",
            "jdbc:Dynamo:mem:", "dynamo:mem:", "jdbc:dynamo", "", "jdbc:trino://h:8080"})
    void otherDriversUrlsAreNotAccepted(String url) throws SQLException {
        DynamoDriver driver = new DynamoDriver();
        assertThat(driver.acceptsURL(url)).isFalse();
        assertThat(driver.connect(url, new Properties())).isNull();
    }

    @Test
    void oneServerListWithOrWithoutTheDefaultPortIsOneDatabase() {
        assertThat(DynamoUrl.parse("jdbc:dynamo:mysql://h1/db0,[::1]/db1", null).toConfig().databaseKey())
                .isEqualTo(DynamoUrl.parse("jdbc:dynamo:mysql://h1:3306/db0, [::1]:3306/db1", null).toConfig().databaseKey());
    }

    @Test
    void nullUrlIsNotAccepted() throws SQLException {
        assertThat(new DynamoDriver().acceptsURL(null)).isFalse();
        assertThat(new DynamoDriver().connect(null, new Properties())).isNull();
    }

    @Test
    void queryIsPercentDecodedAndPlusStaysPlus() {
        DynamoUrl url = DynamoUrl.parse("jdbc:dynamo:mysql://h/db?user=a%20b&password=p+q%26r%3D", null);
        assertThat(url.settings().string(ConnectionProperty.USER)).isEqualTo("a b");
        assertThat(url.settings().string(ConnectionProperty.PASSWORD)).isEqualTo("p+q&r=");
        assertThat(url.toConfig().password()).isEqualTo("p+q&r=");
    }

    @Test
    void urlWinsOverPropertiesAndKeysAreCaseInsensitive() {
        Properties info = new Properties();
        info.setProperty("SHARDS", "8");
        info.setProperty("language", "partiql");
        info.setProperty("poolSize", "5");
        DynamoUrl url = DynamoUrl.parse("jdbc:dynamo:mem:x?shards=2&Language=sql", info);
        assertThat(url.shards()).isEqualTo(2);
        assertThat(url.language().name()).isEqualTo("SQL");
        assertThat(url.toConfig().poolSize()).isEqualTo(5);
        assertThat(url.toConfig().shards()).isEqualTo(2);
    }

    @Test
    void aBadValueInPropertiesIsAnErrorToo() {
        Properties info = new Properties();
        info.setProperty("consistentRead", "1");
        assertThatThrownBy(() -> DynamoUrl.parse("jdbc:dynamo:mem:x", info))
                .hasMessageContaining("Invalid value '1' of connection property consistentRead: it accepts true or false");
    }

    @Test
    void emptyValuesMeanTheDefault() {
        DynamoUrl url = DynamoUrl.parse("jdbc:dynamo:mem:x?shards=&consistentRead=&user=&language=", null);
        assertThat(url.shards()).isEqualTo(4);
        assertThat(url.toConfig().shards()).isNull();
        assertThat(url.settings().optionalBool(ConnectionProperty.CONSISTENT_READ)).isNull();
        assertThat(url.settings().string(ConnectionProperty.USER)).isNull();
        assertThat(url.language().name()).isEqualTo("SQL");
    }

    @Test
    void typedValuesAndDefaultsReachTheEngineConfiguration() {
        DynamoUrl url = DynamoUrl.parse("jdbc:dynamo:mem:x?consistentRead=TRUE&fullScanGuard=true"
                + "&returnValuesOnConditionCheckFailure=all_old&closeDelay=-1&ringCheckMillis=0", null);
        var options = url.sessionOptions(db -> null);
        assertThat(options.consistentRead()).isTrue();
        assertThat(options.fullScanGuard()).isTrue();
        assertThat(options.returnOldOnConditionCheckFailure()).isTrue();
        assertThat(url.toConfig().closeDelaySeconds()).isEqualTo(-1);
        assertThat(url.toConfig().ringCheckMillis()).isZero();
        assertThat(url.toConfig().poolSize()).isEqualTo(10);
        assertThat(url.toConfig().txRecoveryTimeout()).isEqualTo(60);
        assertThat(url.toConfig().txRecoveryInterval()).isEqualTo(10);
    }

    @Test
    void unknownPropertiesAreKeptForWarnings() {
        Properties info = new Properties();
        info.setProperty("applicationName", "DBeaver");
        DynamoUrl url = DynamoUrl.parse("jdbc:dynamo:mem:x?colour=blue", info);
        assertThat(url.settings().unknownKeys()).containsExactlyInAnyOrder("applicationName", "colour");
    }

    @Test
    void passwordIsRedactedInErrors() {
        assertThatThrownBy(() -> DynamoUrl.parse("jdbc:dynamo:mysql://h/db?password=s3cret&shards=x", null))
                .hasMessageContaining("password=***").hasMessageNotContaining("s3cret");
    }

    @Test
    void propertyInfoShowsEveryPropertyWithTypeAndChoices() {
        Properties info = new Properties();
        info.setProperty("poolSize", "7");
        DriverPropertyInfo[] all = new DynamoDriver().getPropertyInfo("jdbc:dynamo:mem:x?language=partiql&user=%zz", info);
        Map<String, DriverPropertyInfo> byName = new java.util.HashMap<>();
        Arrays.stream(all).forEach(p -> byName.put(p.name, p));
        assertThat(byName).containsOnlyKeys(Arrays.stream(ConnectionProperty.values()).map(ConnectionProperty::key).toList());
        assertThat(byName.get("language").value).isEqualTo("partiql");
        assertThat(byName.get("language").choices).containsExactly("sql", "partiql");
        assertThat(byName.get("poolSize").value).isEqualTo("7");
        assertThat(byName.get("poolSize").description).contains("Accepted: an integer from 1 to 1000");
        assertThat(byName.get("consistentRead").choices).containsExactly("true", "false");
        assertThat(byName.get("consistentRead").value).isNull();
        assertThat(byName.get("strictProperties").value).isEqualTo("false");
        assertThat(all).allSatisfy(p -> assertThat(p.description).isNotBlank());
    }
}
