package vn.danvan.orgunit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: the official unit lists (always), then the demo bodies and residential areas (only
 * on the embedded default or with DANVAN_DEMO=true). /actuator/health answers 503 until every
 * start-up runner has finished (readiness state).
 */
@Component
@Order(10)
class UnitFilesOnStart implements ApplicationRunner {

    private final BundledUnitFiles bundled;
    private final boolean demo;

    UnitFilesOnStart(BundledUnitFiles bundled, @Value("${danvan.demo.enabled}") boolean demo) {
        this.bundled = bundled;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        bundled.applyFolder("orgunit/units");
        if (demo) {
            bundled.applyFolder("orgunit/demo");
        }
    }
}
