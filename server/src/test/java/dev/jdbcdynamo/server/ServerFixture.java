package dev.jdbcdynamo.server;

import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.engine.config.DatabaseConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One server per test JVM on a mem: database, and AWS SDK clients pointed at it. */
final class ServerFixture {
    static final String MEM_NAME = "serverapi";
    private static Database database;
    private static DynamoHttpServer server;
    private static DynamoDbClient client;

    private ServerFixture() {
    }

    static synchronized DynamoDbClient client() {
        if (client == null) {
            database = Database.open(DatabaseConfig.of(new DatabaseConfig.Mem(MEM_NAME)).withShards(3));
            server = DynamoHttpServer.start(database, 0, 8);
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(server.url()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop(1);
                database.close();
            }));
        }
        return client;
    }

    static String url() {
        client();
        return server.url();
    }
}
