package vn.danvan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A ward's officer records a dialogue with three opinions — one answered on the spot, two assigned —, the
 * responsible unit reports one done and the ward accepts it, the other passes its deadline; both are then
 * visible with their status on the ward's public accountability page, where no citizen is named. In
 * Debian's Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialogueJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    BrowserJourney browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserJourney(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    static Locator opinion(Page page, String text) {
        return page.locator("[id^=opinion-]").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void aDialogueWithOneAnswerAndTwoCommitmentsEndsWithOneResolvedAndOneOverdueOnThePublicPage() {
        var today = LocalDate.now(clock);
        var page = browser.newPage(1366, 900);
        BrowserJourney.logIn(page, "canbo.dongkinh", FoundationJourneyTests.DEMO_PASSWORD);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Giám sát")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đối thoại").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ghi nhận hội nghị đối thoại")).click();
        page.getByLabel("Tên hội nghị").fill("Đối thoại của phường Đông Kinh với Nhân dân khu phố Bến Bắc");
        page.getByLabel("Ngày đối thoại").fill(today.minusDays(40).toString());
        page.getByLabel("Địa điểm").fill("Nhà văn hóa khu phố Bến Bắc");
        page.locator("#chairPersonId").selectOption(new SelectOption().setLabel("Lường Văn Quân — Bí thư Đảng ủy phường Đông Kinh"));
        page.locator("[id='participants.PEOPLE']").fill("90");
        // more answered than raised: refused, naming the field, what was typed kept
        page.getByLabel("Số ý kiến được nêu").fill("2");
        page.getByLabel("Số ý kiến trả lời tại chỗ").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator("#form-errors")).containsText("Số ý kiến trả lời tại chỗ: số ý kiến trả lời tại chỗ (3) không được lớn hơn");
        assertThat(page.getByLabel("Tên hội nghị")).hasValue("Đối thoại của phường Đông Kinh với Nhân dân khu phố Bến Bắc");
        page.getByLabel("Số ý kiến được nêu").fill("");
        page.getByLabel("Số ý kiến trả lời tại chỗ").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã ghi nhận hội nghị đối thoại");
        var dialogueUrl = page.url().replaceAll("#.*$", "");

        addOpinion(page, "Nguyễn Văn Hiền", "0912 111 222", "Đề nghị sửa mặt đường ngõ 7 khu phố Bến Bắc bị sụt lún.", "Giao thông, hạ tầng");
        addOpinion(page, "", "", "Hỏi thời gian cấp lại giấy chứng nhận quyền sử dụng đất.", "Đất đai, giải phóng mặt bằng");
        addOpinion(page, "", "", "Đề nghị lắp camera an ninh tại ngã ba chợ Bến Bắc.", "An ninh, trật tự");

        var answered = opinion(page, "giấy chứng nhận quyền sử dụng đất");
        answered.getByText("Trả lời tại hội nghị").click();
        answered.getByLabel("Nội dung trả lời").fill("Hồ sơ đủ điều kiện được giải quyết trong 10 ngày làm việc; phường hướng dẫn tại bộ phận một cửa.");
        answered.getByLabel("Người trả lời").selectOption(new SelectOption().setLabel("Lường Văn Quân — Bí thư Đảng ủy phường Đông Kinh"));
        answered.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ghi câu trả lời")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã ghi câu trả lời");

        assignCommitment(page, "mặt đường ngõ 7", "Sửa mặt đường ngõ 7 khu phố Bến Bắc", today.plusDays(15));
        assignCommitment(page, "camera an ninh", "Lắp camera an ninh ngã ba chợ Bến Bắc", today.minusDays(5));
        assertThat(opinion(page, "camera an ninh")).containsText("Quá hạn");
        assertThat(page.locator("#figure-raised")).hasText("3");
        assertThat(page.locator("#figure-answered")).hasText("1");
        assertThat(page.locator("#figure-assigned")).hasText("2");
        assertThat(page.locator("#figure-resolved")).hasText("0");
        BrowserJourney.screenshot(page, "dialogue-detail");

        // accepting before any report is refused
        opinion(page, "mặt đường ngõ 7").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nghiệm thu: đã giải quyết xong")).click();
        assertThat(opinion(page, "mặt đường ngõ 7").locator(".alert-danger")).containsText("Báo cáo kết quả thực hiện: đơn vị chịu trách nhiệm chưa gửi báo cáo nào");

        // the responsible unit reports on the task page
        opinion(page, "mặt đường ngõ 7").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sửa mặt đường ngõ 7 khu phố Bến Bắc")).click();
        page.locator("#progress-form #percent").fill("100");
        page.locator("#progress-form #text").fill("Đã trải lại 120 m mặt đường bê tông.");
        page.locator("#progress-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gửi báo cáo")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã ghi báo cáo tiến độ");

        page.navigate(dialogueUrl);
        opinion(page, "mặt đường ngõ 7").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nghiệm thu: đã giải quyết xong")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã nghiệm thu");
        assertThat(page.locator("#figure-resolved")).hasText("1");

        // the public page, without login
        var citizen = browser.newPage(390, 844);
        citizen.navigate("/public/");
        citizen.getByLabel("Tìm tỉnh, xã, phường theo tên (không cần dấu)").fill("dong kinh");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm kiếm")).click();
        citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Phường Đông Kinh")).first().click();
        assertThat(citizen.locator("h1")).containsText("Phường Đông Kinh");
        var resolved = citizen.locator("tr.dv-commitment").filter(new Locator.FilterOptions().setHasText("Sửa mặt đường ngõ 7"));
        assertThat(resolved).containsText("Đã giải quyết xong");
        var overdue = citizen.locator("tr.dv-commitment").filter(new Locator.FilterOptions().setHasText("Lắp camera an ninh"));
        assertThat(overdue).containsText("Quá hạn");
        assertThat(overdue).containsText(today.minusDays(5).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(citizen.locator("body")).containsText("Lường Văn Quân, Bí thư Đảng ủy phường Đông Kinh");
        assertThat(citizen.locator("body")).not().containsText("Nguyễn Văn Hiền");
        assertThat(citizen.locator("body")).not().containsText("0912 111 222");
        BrowserJourney.screenshot(citizen, "dialogue-public");
    }

    private static void addOpinion(Page page, String name, String contact, String topic, String field) {
        var form = page.locator("#new-opinion");
        form.getByLabel("Người nêu ý kiến").selectOption(new SelectOption().setLabel(name.isEmpty() ? "Không nêu tên" : "Người dân"));
        form.getByLabel("Họ tên hoặc tên tổ chức").fill(name);
        form.getByLabel("Địa chỉ, số điện thoại").fill(contact);
        form.getByLabel("Nội dung ý kiến").fill(topic);
        form.getByLabel("Lĩnh vực").selectOption(new SelectOption().setLabel(field));
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ghi ý kiến")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã ghi ý kiến");
    }

    private static void assignCommitment(Page page, String opinionText, String title, LocalDate due) {
        var o = opinion(page, opinionText);
        o.getByText("Giao đơn vị giải quyết (cam kết)").click();
        o.getByLabel("Nội dung cam kết").fill(title);
        var picker = o.locator("input[type=search]");
        BrowserJourney.pickUnit(page, picker.getAttribute("id"), "dong kinh", "Phường Đông Kinh");
        o.getByLabel("Hạn giải quyết").fill(due.toString());
        o.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Giao giải quyết")).click();
        assertThat(page.locator(".alert-success")).containsText("Đã giao giải quyết");
    }
}
