package vn.danvan;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.Modulithic;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * danvan — hệ thống thông tin công tác dân vận. Every direct sub-package is a Spring Modulith
 * module; {@code shared} holds value types every module may use.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class DanvanApplication {

    /** Vietnam's clock: "today" and deadlines are days in Asia/Ho_Chi_Minh. Tests replace it. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** Spring's named-parameter template, the statements' texts with {@code ?} made once: see {@link PositionalOnceJdbcTemplate}. */
    @Bean
    NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbcTemplate) {
        return new PositionalOnceJdbcTemplate(jdbcTemplate);
    }

    /**
     * {@code JdbcClient} with record mapping that does not pay a driver exception per row and column
     * (see {@link RecordMappingJdbcClient}); Spring Boot's own client steps aside for it.
     */
    @Bean
    JdbcClient jdbcClient(NamedParameterJdbcOperations operations) {
        return new RecordMappingJdbcClient(operations);
    }

    /** Every {@code @Transactional} names the one transaction manager: see {@link QualifiedTransactions}. */
    @Bean
    QualifiedTransactions qualifiedTransactions(TransactionInterceptor interceptor) {
        return new QualifiedTransactions(interceptor, "transactionManager");
    }

    public static void main(String[] args) {
        SpringApplication.run(DanvanApplication.class, args);
    }
}
