package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.audit.AuditTrail;
import vn.danvan.petition.PetitionManagement;

/** Every {@code @Transactional} of the application names its one transaction manager, and transactions work as before. */
@SpringBootTest
class QualifiedTransactionsIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TransactionInterceptor interceptor;
    @Autowired
    AuditTrail audit;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aClassLevelAndAMethodLevelAttributeNameTheApplicationsTransactionManager() throws Exception {
        var source = interceptor.getTransactionAttributeSource();
        var receive = source.getTransactionAttribute(PetitionManagement.class.getMethod("receive",
                vn.danvan.petition.NewPetition.class, vn.danvan.identity.CurrentUser.class), PetitionManagement.class);
        var record = source.getTransactionAttribute(AuditTrail.class.getMethod("record", String.class, String.class,
                Object.class, Long.class, Map.class, Map.class), AuditTrail.class);

        assertThat(receive.getQualifier()).isEqualTo("transactionManager");
        assertThat(record.getQualifier()).isEqualTo("transactionManager");
        assertThat(context.getBean("transactionManager")).isSameAs(transactions);
    }

    @Test
    void aMandatoryTransactionIsStillRefusedOutsideOneAndJoinedInsideOne() {
        assertThatThrownBy(() -> audit.record("test.qualified", "test", 1, null, null, Map.of("a", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);

        var template = new TransactionTemplate(transactions);
        template.executeWithoutResult(status -> {
            audit.record("test.qualified", "test", 1, null, null, Map.of("a", 1));
            status.setRollbackOnly();
        });
    }
}
