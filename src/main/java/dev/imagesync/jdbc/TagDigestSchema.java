package dev.imagesync.jdbc;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Creates imagesync's own table at start-up from the DDL in {@code sql/} for the database in use. */
public final class TagDigestSchema {

    private TagDigestSchema() {
    }

    public static void create(DataSource dataSource) {
        ResourceDatabasePopulator populator =
                new ResourceDatabasePopulator(new ClassPathResource("sql/schema-" + platform(dataSource) + ".sql"));
        populator.execute(dataSource);
    }

    private static String platform(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("job repository database '" + product
                    + "' is not supported (H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the job repository database: " + e.getMessage(), e);
        }
    }
}
