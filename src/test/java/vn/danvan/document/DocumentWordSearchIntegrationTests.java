package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * A search by words through the year words index (V86): the words typed after the first asked as pairs of
 * neighbouring words per year issued, the undated last; every total and page equals a LIKE scan.
 */
@SpringBootTest
class DocumentWordSearchIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    @Test
    void wordsSideBySideAreFoundInEveryYearAndUndatedAsAScanFindsThem() throws Exception {
        var officer = signedIn.login("canbo.langson");
        // the syllables side by side, apart, across a comma, in three years and undated
        jdbc.sql("""
                insert into document (system, kind_name, owner_unit_id, issued_on, subject, search_text, created_by)
                select 'STATE', 'Báo cáo', (select id from org_unit where code = '20' and valid_to is null), s.issued_on, s.subject,
                       search_key(s.subject), 'test'
                from (values (date '2009-03-04', 'Báo cáo thử Lò Kim Thắng xã Bản Chắt'),
                             (date '2009-05-06', 'Báo cáo thử Kim Ngân, Thắng Lợi xã Bản Chắt'),
                             (date '2018-07-08', 'Báo cáo thử của ông Lò Kim Thắng về Bản Chắt'),
                             (date '2024-09-10', 'Báo cáo thử kim thắng, không phải tên'),
                             (cast(null as date), 'Báo cáo thử không ngày Lò Kim Thắngg'),
                             (date '2018-02-03', 'Báo cáo thử thôn (Đông Kinh) và "Đông Kinh" mới'),
                             (date '2024-02-03', 'Báo cáo thử kinh phí 100Đông Kinh tế, Đông Kinh'),
                             (date '2024-04-05', 'Báo cáo thử Đông, Kinh Môn và Đồng Kinh')) s(issued_on, subject)""").update();
        try {
            for (var q : List.of("lo kim thang", "o kim than", "thu lo kim thang xa ban chat", "kim ngan thang", "ngan, thang loi",
                    "bao cao thu", "ban chat", "lo kim tha_g", "thu lo % thang",
                    // the first word joins its pair (V99: the letters ending a word, after a bracket, a quote or digits)
                    "dong kinh", "dong kinh te", "thon dong kinh", "bao cao thu thon", "dong kinh moi",
                    // a number typed last begins the parser's word there ("100dong" is one word of the index)
                    "kinh phi 100", "phi 10", "phi 100dong")) {
                var expected = jdbc.sql("""
                        select id from document where search_text like '%' || search_key(:q) || '%'
                        order by issued_on desc nulls last, id desc""").param("q", q).query(Long.class).list();
                for (int page = 0; page < 3; page++) {
                    var found = mvc.perform(get("/api/documents").param("q", q).param("page", String.valueOf(page)).param("size", "2")
                                    .session(officer))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    assertThat(JsonPath.<Integer>read(found, "$.totalElements")).as("'%s'", q).isEqualTo(expected.size());
                    assertThat(JsonPath.<List<Number>>read(found, "$.content[*].id").stream().map(Number::longValue).toList())
                            .as("page %d of '%s'", page, q).isEqualTo(expected.stream().skip(page * 2L).limit(2).toList());
                }
            }
            // the name side by side in 2009, 2018 and undated; not the 2009 letter that holds "kim" and "thang" apart
            assertThat(jdbc.sql("select count(*) from document where search_text like '%lo kim thang%'").query(Long.class).single())
                    .isEqualTo(3L);
        } finally {
            jdbc.sql("delete from document where subject like 'Báo cáo thử%'").update();
        }
    }

    @Test
    void aDocumentFoundByItsIdentifierItsTextAndItsAttachmentIsCountedOnce() throws Exception {
        var officer = signedIn.login("canbo.langson");
        // 977/KH-UBND: the plan itself, whose subject and attachment cite its own number, and a report citing it
        jdbc.sql("""
                insert into document (system, identifier, identifier_original, number, type, kind_name, owner_unit_id, issued_on,
                                      subject, search_text, created_by)
                select 'STATE', s.identifier, s.identifier, s.number, s.type, s.kind_name, (select id from org_unit where code = '20' and valid_to is null),
                       s.issued_on, s.subject, search_key(s.subject), 'test'
                from (values ('977/KH-UBND', 977, 'KH', 'Kế hoạch', date '2024-03-04', 'Kế hoạch thử 977/KH-UBND về dân vận khéo'),
                             (cast(null as text), cast(null as integer), 'BC', 'Báo cáo', date '2024-06-07', 'Báo cáo thử kết quả Kế hoạch 977/KH-UBND'))
                     s(identifier, number, type, kind_name, issued_on, subject)""").update();
        jdbc.sql("""
                insert into document_attachment (document_id, file_name, content_type, size_bytes, content, text_content, uploaded_by)
                select id, 'ke-hoach.pdf', 'application/pdf', 3, '\\x255044', 'Kế hoạch số 977/KH-UBND ngày 04/3/2024', 'test'
                from document where identifier = '977/KH-UBND'""").update();
        try {
            var found = mvc.perform(get("/api/documents").param("q", "977/KH-UBND").param("size", "20").session(officer))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<Integer>read(found, "$.totalElements")).isEqualTo(2);
            assertThat(JsonPath.<List<String>>read(found, "$.content[*].kindName")).containsExactly("Kế hoạch", "Báo cáo");
        } finally {
            jdbc.sql("delete from document where subject like '% thử %977/KH-UBND%'").update();
        }
    }
}
