package vn.danvan;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Production: an external PostgreSQL named by DANVAN_DB_URL, DANVAN_DB_USER, DANVAN_DB_PASSWORD. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${danvan.db.url:}'.isBlank()")
class ExternalDatabaseConfig {

    @Bean
    DataSource dataSource(
            @Value("${danvan.db.url}") String url,
            @Value("${danvan.db.user:}") String user,
            @Value("${danvan.db.password:}") String password,
            @Value("${danvan.db.pool-size:10}") int poolSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("danvan");
        return new HikariDataSource(config);
    }
}
