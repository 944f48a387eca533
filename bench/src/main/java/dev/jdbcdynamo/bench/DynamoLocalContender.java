package dev.jdbcdynamo.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local in this JVM (in-memory, SQLite underneath), called through the AWS SDK for Java
 * v2 over HTTP on loopback with PartiQL: ExecuteStatement, BatchExecuteStatement and
 * ExecuteTransaction. One client shared by all threads, as the SDK recommends.
 */
final class DynamoLocalContender implements Contender {
    static final String NAME = "DynamoDB Local";

    private static final String GET = "SELECT * FROM \"bench\" WHERE pk = ? AND sk = ?";
    private static final String INSERT = "INSERT INTO \"bench\" VALUE {'pk': ?, 'sk': ?, 'n': ?, 'payload': ?}";
    private static final String INSERT_WITH_G = "INSERT INTO \"%s\" VALUE {'pk': ?, 'sk': ?, 'n': ?, 'g': ?, 'payload': ?}";
    private static final String INSERT_WITHOUT_G = "INSERT INTO \"%s\" VALUE {'pk': ?, 'sk': ?, 'n': ?, 'payload': ?}";
    private static final String COUNTER = "UPDATE \"bench\" SET n = n + 1 WHERE pk = ? AND sk = ?";
    private static final String CONDITIONAL_FAIL = "UPDATE \"bench\" SET n = n + 1 WHERE pk = ? AND sk = ? AND n < 0";
    private static final String QUERY = "SELECT * FROM \"bench\" WHERE pk = ?";
    private static final String GSI_QUERY = "SELECT * FROM \"bench\".\"" + Dataset.GSI + "\" WHERE g = ?";
    private static final String SCAN = "SELECT * FROM \"scan\"";

    private final DynamoDBProxyServer server;
    private final DynamoDbClient client;
    private final Dataset data;

    private DynamoLocalContender(DynamoDBProxyServer server, DynamoDbClient client, Dataset data) {
        this.server = server;
        this.client = client;
        this.data = data;
    }

    /** Starts DynamoDB Local on a free port, creates the tables and loads the dataset. */
    static DynamoLocalContender startAndLoad(Dataset data, int maxThreads, int loaders) throws Exception {
        if (System.getProperty("sqlite4java.library.path") == null) {
            throw new IllegalStateException("DynamoDB Local needs -Dsqlite4java.library.path=<dir with"
                    + " libsqlite4java-linux-amd64-*.so> (the bench build copies it to target/native)");
        }
        String port = Integer.toString(freePort());
        // No telemetry: the run talks to loopback only.
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", port, "-disableTelemetry"});
        server.start();
        DynamoDbClient client = null;
        try {
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                    .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxThreads * 2 + 4))
                    // One HTTP call per operation: a retry would hide work in the measurement.
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofMinutes(5)))
                    .build();
            DynamoLocalContender contender = new DynamoLocalContender(server, client, data);
            contender.createTables();
            contender.load(Dataset.MAIN_TABLE, data.mainItems(), loaders);
            contender.load(Dataset.SCAN_TABLE, data.scanItemsList(), loaders);
            return contender;
        } catch (Exception e) {
            if (client != null) {
                client.close();
            }
            server.stop();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void createTables() {
        for (String table : List.of(Dataset.MAIN_TABLE, Dataset.SCAN_TABLE)) {
            boolean main = table.equals(Dataset.MAIN_TABLE);
            List<AttributeDefinition> attributes = new ArrayList<>(List.of(
                    AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                    AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()));
            if (main) {
                attributes.add(AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build());
            }
            client.createTable(b -> {
                b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributes)
                        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
                if (main) {
                    b.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(Dataset.GSI)
                            .keySchema(key("g", KeyType.HASH), key("sk", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .build());
                }
            });
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** Loads with BatchExecuteStatement, 25 INSERTs per call, on parallel threads. */
    private void load(String table, List<BenchItem> items, int loaders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        try {
            List<Future<Void>> done = new ArrayList<>();
            int batches = (items.size() + Dataset.BATCH_SIZE - 1) / Dataset.BATCH_SIZE;
            for (int t = 0; t < loaders; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int b = first; b < batches; b += loaders) {
                        int from = b * Dataset.BATCH_SIZE;
                        batchInsert(table, items.subList(from, Math.min(from + Dataset.BATCH_SIZE, items.size())));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void batchInsert(String table, List<BenchItem> items) {
        List<BatchStatementRequest> statements = new ArrayList<>(items.size());
        for (BenchItem item : items) {
            statements.add(BatchStatementRequest.builder()
                    .statement(String.format(item.g() == null ? INSERT_WITHOUT_G : INSERT_WITH_G, table))
                    .parameters(parameters(item))
                    .build());
        }
        BatchExecuteStatementResponse response = client.batchExecuteStatement(b -> b.statements(statements));
        for (BatchStatementResponse r : response.responses()) {
            if (r.error() != null) {
                throw new IllegalStateException("batch insert failed: " + r.error().codeAsString() + " " + r.error().message());
            }
        }
    }

    private static List<AttributeValue> parameters(BenchItem item) {
        List<AttributeValue> values = new ArrayList<>(5);
        values.add(s(item.pk()));
        values.add(s(item.sk()));
        values.add(AttributeValue.fromN(Long.toString(item.n())));
        if (item.g() != null) {
            values.add(s(item.g()));
        }
        values.add(s(item.payload()));
        return values;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String skipReason(Operation op) {
        return op.planning() ? "no planner in the client" : null;
    }

    @Override
    public Session open(int id) {
        return new HttpSession(data.new Picker(5000L + id), id);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not stop", e);
            }
        }
    }

    /** One thread's key choices; the client and its connection pool are shared. */
    private final class HttpSession implements Session {
        private final Dataset.Picker picker;
        private final int id;
        private long inserted;

        HttpSession(Dataset.Picker picker, int id) {
            this.picker = picker;
            this.id = id;
        }

        private ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
            return client.executeStatement(b -> b.statement(statement).parameters(parameters));
        }

        @Override
        public void run(Operation op) {
            switch (op) {
                case GET -> Expect.count(execute(GET, s(picker.pointPk()), s(Dataset.POINT_SK)).items().size(), 1);
                case INSERT -> {
                    BenchItem item = Dataset.newItem("d", id, inserted++);
                    execute(INSERT, parameters(item).toArray(new AttributeValue[0]));
                }
                case COUNTER -> execute(COUNTER, s(picker.pointPk()), s(Dataset.POINT_SK));
                case CONDITIONAL_FAIL -> {
                    try {
                        execute(CONDITIONAL_FAIL, s(picker.pointPk()), s(Dataset.POINT_SK));
                        throw new IllegalStateException("the conditional update did not fail");
                    } catch (ConditionalCheckFailedException expected) {
                        // The measured outcome.
                    }
                }
                case QUERY -> Expect.count(execute(QUERY, s(picker.queryPk())).items().size(),
                        Dataset.PARTITION_SIZE);
                case GSI_QUERY -> Expect.count(execute(GSI_QUERY, s(picker.gsiKey())).items().size(),
                        Dataset.PARTITION_SIZE);
                case SCAN -> scan();
                case BATCH_LOAD -> {
                    List<BenchItem> items = new ArrayList<>(Dataset.BATCH_SIZE);
                    for (int i = 0; i < Dataset.BATCH_SIZE; i++) {
                        items.add(Dataset.newItem("db", id, inserted++));
                    }
                    batchInsert(Dataset.MAIN_TABLE, items);
                }
                case TRANSACTION -> {
                    String pk = picker.queryPk();
                    String[] sks = picker.twoSortKeys();
                    client.executeTransaction(b -> b.transactStatements(
                            ParameterizedStatement.builder().statement(COUNTER).parameters(s(pk), s(sks[0])).build(),
                            ParameterizedStatement.builder().statement(COUNTER).parameters(s(pk), s(sks[1])).build()));
                }
                case TRANSACTION_CROSS -> {
                    String[] pks = picker.twoPartitions();
                    client.executeTransaction(b -> b.transactStatements(
                            ParameterizedStatement.builder().statement(COUNTER).parameters(s(pks[0]), s(Dataset.POINT_SK))
                                    .build(),
                            ParameterizedStatement.builder().statement(COUNTER).parameters(s(pks[1]), s(Dataset.POINT_SK))
                                    .build()));
                }
                case GSI_LAG, PLAN_FIRST, PLAN_NEW, PLAN_SHAPE, PLAN_CACHED -> throw new IllegalArgumentException(op.name());
            }
        }

        /** Pages through the table (1 MB per page) and counts the items. */
        private void scan() {
            int items = 0;
            String next = null;
            do {
                String token = next;
                ExecuteStatementResponse page = client.executeStatement(b -> b.statement(SCAN).nextToken(token));
                items += page.items().size();
                next = page.nextToken();
            } while (next != null);
            Expect.count(items, data.scanItems());
        }

        @Override
        public void close() {
        }
    }
}
