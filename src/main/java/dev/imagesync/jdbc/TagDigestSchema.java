package dev.imagesync.jdbc;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;

/**
 * Creates imagesync's own table at start-up from {@code sql/imagesync-schema.sql}: standard SQL that H2 and
 * PostgreSQL both take, idempotent ({@code CREATE TABLE IF NOT EXISTS}).
 */
public final class TagDigestSchema {

    private TagDigestSchema() {
    }

    public static void create(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource("sql/imagesync-schema.sql")).execute(dataSource);
    }
}
