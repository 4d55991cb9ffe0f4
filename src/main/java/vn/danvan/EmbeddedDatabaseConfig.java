package vn.danvan;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded default: a real PostgreSQL 18 started with the application (see
 * {@link EmbeddedPostgresLauncher}), its cluster kept in {@code DANVAN_DATA_DIR/pg} across restarts.
 * Used whenever {@code DANVAN_DB_URL} is not set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${danvan.db.url:}'.isBlank()")
class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ObjectProvider<EmbeddedPostgresLauncher.EarlyStart> earlyStart,
                                      Environment environment) {
        var started = earlyStart.getIfAvailable();
        return started != null ? started.await() : EmbeddedPostgresLauncher.launch(environment);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${danvan.db.pool-size:10}") int poolSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("danvan-embedded");
        return new HikariDataSource(config);
    }
}
