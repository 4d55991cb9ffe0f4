package vn.danvan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * V104's keyed_words (runs of letters found by trimming) gives exactly the words and pairs of V101's rule (runs found
 * by regular expressions), so the words indexes built before V104 stay valid: compared on the texts that make the
 * rule's edges (runs of 39, 40, 41 letters, digits, punctuation, repeated and leading spaces, letters outside a–z,
 * tabs and line breaks), on random texts built from those pieces, and on every petition text of the demo data.
 */
@SpringBootTest
@Transactional
class KeyedWordsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    /**
     * V101's rule, as that migration wrote it (its {@code create function keyed_words … $$;} read from the migration
     * itself), as {@code pg_temp.keyed_words_v101} in the test's transaction (rolled back after it).
     */
    @BeforeEach
    void v101Rule() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V101__petition_text_keyed_by_area.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var start = migration.indexOf("create function keyed_words(");
        var end = migration.indexOf("$$;", start);
        assertThat(start).as("V101 creates keyed_words").isNotNegative();
        var rule = migration.substring(start, end + 2).replace("create function keyed_words(", "create function pg_temp.keyed_words_v101(");
        assertThat(rule).contains("substring(tok from '^[a-z]{1,40}')");
        jdbc.sql(rule).update();
    }

    /** The texts whose words differ between the two rules (with both results), none expected. */
    List<String> differences(List<String> texts) {
        return jdbc.sql("""
                select t || ' -> ' || cast(keyed_words(array['2026', '2026.42'], t) as text) || ' | '
                       || cast(pg_temp.keyed_words_v101(array['2026', '2026.42'], t) as text)
                from unnest(cast(:texts as text[])) t
                where keyed_words(array['2026', '2026.42'], t) is distinct from pg_temp.keyed_words_v101(array['2026', '2026.42'], t)
                """).param("texts", texts.toArray(String[]::new)).query(String.class).list();
    }

    static final String LONG = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";

    @Test
    void theTextsAtTheEdgesOfTheRuleGiveTheSameWordsAndPairs() {
        var texts = new ArrayList<>(List.of("", " ", "thu hoi dat", "  thu  hoi   dat  ", "khieu nai quyet dinh so 12/2024/qd-ubnd ngay 03/5",
                "(bench) don: de nghi.", "a b", "1 2 3", "x1y z2w", "ab.cd ef,gh", "tab\tthen line\nbreak here",
                "đất đai Đông", "thu hồi đất", "số 12a3b cd", "-ab- -cd-", "ab- cd", "-ab -cd", "漢字 chu han 漢a b漢",
                LONG.substring(0, 39) + " " + LONG.substring(0, 39), LONG.substring(0, 40) + " " + LONG.substring(0, 40),
                LONG.substring(0, 41) + " " + LONG.substring(0, 41), "x" + LONG + " y" + LONG, "9" + LONG.substring(0, 40) + " z",
                "z 9" + LONG.substring(0, 41), LONG.substring(0, 45) + "9 " + LONG.substring(0, 3)));
        assertThat(differences(texts)).isEmpty();
        assertThat(jdbc.sql("select cast(keyed_words(array['2026'], 'thu hoi dat') as text)").query(String.class).single())
                .isEqualTo("'2026/dat' '2026/hoi' '2026/hoi dat' '2026/thu' '2026/thu hoi'");
    }

    @Test
    void randomTextsBuiltFromThoseEdgesGiveTheSameWordsAndPairs() {
        var pieces = new String[] {"a", "thu", "hoi", "dat", "12", "3b", "b4", ".", ",", "-", "/", "(", ")", " ", " ", " ", "  ",
                "\t", "\n", "đ", "ư", "漢", LONG.substring(0, 39), LONG.substring(0, 40), LONG.substring(0, 41), LONG};
        var random = new Random(20261201);
        var texts = new ArrayList<String>();
        for (int i = 0; i < 3000; i++) {
            var text = new StringBuilder();
            for (int j = random.nextInt(25); j >= 0; j--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        assertThat(differences(texts)).isEmpty();
    }

    @Test
    void everyPetitionTextOfTheDemoGivesTheSameWordsAndPairs() {
        var texts = jdbc.sql("select search_text from petition_text").query(String.class).list();
        assertThat(texts).as("the demo's petitions").hasSizeGreaterThan(50);
        assertThat(differences(texts)).isEmpty();
    }
}
