package vn.danvan.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Once everything is loaded and the application serves: where to open it and how to log in. */
@Component
class StartupBanner {

    private final Environment environment;
    private final boolean demo;

    StartupBanner(Environment environment, @Value("${danvan.demo.enabled}") boolean demo) {
        this.environment = environment;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        var port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        System.out.println();
        System.out.println("  danvan: http://localhost:" + port + "  (đăng nhập / log in: http://localhost:" + port + "/login)");
        System.out.println("  Quản trị / administrator: admin");
        if (demo) {
            System.out.println("  Tài khoản demo / demo accounts: lanhdao.langson, canbo.langson, tiepdan.langson, "
                    + "canbo.luongvantri, canbo.dongkinh, lanhdao.luongvantri, lanhdao.dongkinh, canbo.thainguyen, xem.ninhbinh, quantri.langson");
            System.out.println("  Mật khẩu demo: DANVAN_DEMO_PASSWORD, hoặc mật khẩu ngẫu nhiên in ra ở lần chạy đầu");
        }
        System.out.println();
    }
}
