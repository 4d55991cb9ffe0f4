package vn.danvan;

import java.lang.reflect.Method;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * Names the application's one transaction manager in every {@code @Transactional} attribute that names none.
 *
 * <p>For an attribute without a qualifier, Spring 7 looks for a {@code @Qualifier} on the target class at every call
 * (an annotation look-up through its merged-annotation machinery), before it falls back to the default manager: 4.3 % of
 * the JVM's samples of the complaint lifecycle benchmark (bench/results/lifecycle-services-2026-12-02-s24.md §3). A
 * qualified attribute takes the manager from a map instead. No class of the application carries a {@code @Qualifier}
 * for transactions, so the manager chosen is the same.
 */
final class QualifiedTransactions implements SmartInitializingSingleton {

    private final TransactionInterceptor interceptor;
    private final String manager;

    /**
     * Set once every singleton is made, before the application serves: the interceptor is made with the proxy
     * infrastructure, before any bean post-processor of the application could see it.
     */
    QualifiedTransactions(TransactionInterceptor interceptor, String manager) {
        this.interceptor = interceptor;
        this.manager = manager;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var source = interceptor.getTransactionAttributeSource();
        if (source != null && !(source instanceof Named)) {
            interceptor.setTransactionAttributeSource(new Named(source, manager));
        }
    }

    /** The attributes of {@code source}, each given {@code manager} as its qualifier when it has none. */
    record Named(TransactionAttributeSource source, String manager) implements TransactionAttributeSource {

        @Override
        public boolean isCandidateClass(Class<?> targetClass) {
            return source.isCandidateClass(targetClass);
        }

        @Override
        public boolean hasTransactionAttribute(Method method, Class<?> targetClass) {
            return source.hasTransactionAttribute(method, targetClass);
        }

        @Override
        public TransactionAttribute getTransactionAttribute(Method method, Class<?> targetClass) {
            var attribute = source.getTransactionAttribute(method, targetClass);
            // the source caches its attributes: each is named once, and naming it again writes the same value
            if (attribute instanceof DefaultTransactionAttribute named && !StringUtils.hasText(named.getQualifier())) {
                named.setQualifier(manager);
            }
            return attribute;
        }
    }
}
