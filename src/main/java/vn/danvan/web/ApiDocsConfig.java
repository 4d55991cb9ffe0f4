package vn.danvan.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI danvanApi() {
        return new OpenAPI().info(new Info()
                .title("danvan API")
                .version("1")
                .description("""
                        API của hệ thống thông tin công tác dân vận. Đăng nhập bằng phiên trình duyệt \
                        (POST /login, kèm mã CSRF ở thẻ meta _csrf khi gửi POST/PUT/DELETE) hoặc gửi \
                        Authorization: Bearer <mã truy cập cá nhân>. Bản ghi ngoài phạm vi đơn vị của \
                        người dùng trả về 404. Lỗi theo RFC 9457 (problem details), detail bằng tiếng Việt \
                        nêu tên trường. Danh sách phân trang: content, totalElements, page, size. \
                        Ngày theo ISO (2025-07-01).""")
                .license(new License().name("Dữ liệu đơn vị hành chính: MIT (xem README)")));
    }
}
