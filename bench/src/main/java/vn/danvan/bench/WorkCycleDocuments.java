package vn.danvan.bench;

import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The documents of the work-cycle dataset, drawn into the temporary table g_doc (fixed seed) and inserted
 * year by year: identifiers in the grammar DocumentIdentifier parses (State {@code 12/KH-UBND},
 * {@code 15/2019/NĐ-CP}, letters {@code 230/UBND-VP}; Party {@code 45-KH/TU}, {@code 120-CTr/BDVTW}),
 * with their numbering scope, year or Party term, numbered in date order within each uniqueness key
 * (the partial unique indexes of V17), their issuer, accent-free search text, and the relations
 * IMPLEMENTS (a local plan implementing a higher document) and REPLACES (a document replacing the previous one
 * of its unit and type, which is then REPLACED).
 */
final class WorkCycleDocuments {

    /** Topics of the subjects (with tone marks); the first ones are searched as common words. */
    static final String[] TOPICS = {"thực hiện Quy chế dân chủ ở cơ sở", "xây dựng nông thôn mới", "chuyển đổi số trong cơ quan nhà nước",
            "phong trào thi đua \"Dân vận khéo\"", "cải cách hành chính, nâng cao sự hài lòng của người dân", "giảm nghèo bền vững",
            "tăng cường công tác dân vận chính quyền", "công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
            "vận động đồng bào dân tộc thiểu số", "công tác dân vận của lực lượng vũ trang", "phòng, chống thiên tai",
            "xây dựng khu dân cư văn hóa"};

    static final String[] CONTENTS = {
            "Các cấp ủy, chính quyền quán triệt sâu sắc quan điểm dân là gốc, phát huy vai trò chủ thể của nhân dân.",
            "Đổi mới phương thức vận động quần chúng, cán bộ, đảng viên gương mẫu, sâu sát cơ sở.",
            "Phối hợp chặt chẽ giữa chính quyền với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội.",
            "Thực hiện công khai, minh bạch, lấy sự hài lòng của người dân làm thước đo.",
            "Kịp thời sơ kết, tổng kết, khen thưởng tập thể, cá nhân tiêu biểu, nhân rộng mô hình hay.",
            "Tăng cường kiểm tra, giám sát việc thực hiện, xử lý nghiêm các trường hợp vi phạm."};

    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Vi", "Nông", "Hà", "Lường", "Đinh", "Lò", "Mai", "Trịnh"};
    static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Xuân", "Ngọc", "Thanh", "Hữu", "Kim"};
    static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hoa", "Hòa", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quý", "Sơn",
            "Thủy", "Tuấn", "Uyên", "Vinh", "Yến", "Thắng", "Hiền", "Long", "Hưng", "Trang", "Hải", "Tâm", "Nghĩa"};

    private WorkCycleDocuments() {
    }

    /** Draws every document into g_doc: day, unit, system, type, issuer, number, identifier, texts. */
    static void draw(SqlSteps sql, long n, LocalDate from, LocalDate today, long idBase) throws SQLException {
        long days = today.toEpochDay() - from.toEpochDay() + 1;
        sql.exec("draw: documents", """
                create temp table g_doc as
                with base as (
                    select g, date '%1$s' + cast(floor((g - 1) * %2$d::numeric / %3$d) as int) as d,
                           random() as r_lvl, random() as r_unit, random() as r_sys, random() as r_type, random() as r_iss,
                           random() as r_topic, random() as r_p1, random() as r_p2, random() as r_p3, random() as r_content,
                           random() as r_rel, random() as r_to
                    from generate_series(1, %3$d) g
                ),
                u as (select b.*, dd.e, ep.communes, ep.provinces from base b join g_day dd on dd.day = b.d join g_epoch ep on ep.e = dd.e),
                placed as (
                    select u.*, cast(extract(year from u.d) as int) as y,
                           case when u.r_lvl < 0.55 then 'COMMUNE' when u.r_lvl < 0.95 then 'PROVINCE' else 'CENTRAL' end as lvl,
                           coalesce(c.unit_id, p.unit_id, (select id from g_root)) as unit_id,
                           coalesce(c.name, regexp_replace(p.name, '^(Tỉnh|Thành phố) ', ''), 'Trung ương') as place_name,
                           case when u.r_sys < 0.35 then 'PARTY' else 'STATE' end as system
                    from u
                    left join g_commune c on u.r_lvl < 0.55 and c.e = u.e and c.idx = floor(u.r_unit * u.communes)
                    left join g_province p on u.r_lvl >= 0.55 and u.r_lvl < 0.95 and p.e = u.e and p.idx = floor(u.r_unit * u.provinces)
                ),
                typed as (
                    select x.*,
                           nullif(case when x.system = 'PARTY' then (array['NQ','CT','KH','KH','BC','BC','QĐ','HD','KL','CTr'])[1 + floor(x.r_type * 10)]
                                       when x.lvl = 'CENTRAL' then (array['QĐ','CT','NĐ','NĐ','TT','KH','QĐ','CT','TB',''])[1 + floor(x.r_type * 10)]
                                       else (array['KH','KH','BC','BC','BC','QĐ','TB','HD','CT',''])[1 + floor(x.r_type * 10)] end, '') as type,
                           case when x.system = 'PARTY' then case x.lvl when 'COMMUNE' then 'ĐU'
                                                                       when 'PROVINCE' then case when x.r_iss < 0.3 then 'BDVTU' else 'TU' end
                                                                       else case when x.r_iss < 0.3 then 'BDVTW' else 'TW' end end
                                else case when x.lvl <> 'CENTRAL' then 'UBND' when x.r_type >= 0.2 and x.r_type < 0.4 then 'CP'
                                          when x.r_type >= 0.4 and x.r_type < 0.5 then 'BNV' when x.r_type >= 0.9 then 'VPCP' else 'TTg' end
                           end as issuer
                    from placed x
                ),
                keyed as (
                    select t.*,
                           case when t.system = 'PARTY' then t.type || '/' || t.issuer
                                when t.type is null then t.issuer || case t.issuer when 'VPCP' then '-ĐP' else '-VP' end
                                else t.type || '-' || t.issuer end as symbol,
                           case when t.system = 'STATE' and t.type in ('NĐ', 'TT') then t.y end as id_year,
                           case when t.issuer in ('TTg', 'CP', 'BNV', 'VPCP', 'TW', 'BDVTW') then 'code:' || t.issuer
                                else 'unit:' || t.unit_id end as scope,
                           case when t.system = 'STATE' then t.y end as numbering_year,
                           case when t.system = 'PARTY' and t.lvl = 'CENTRAL'
                                then (2006 + 5 * floor((t.y - 2006) / 5.0)) || '-' || (2011 + 5 * floor((t.y - 2006) / 5.0))
                                when t.system = 'PARTY' then (2005 + 5 * floor((t.y - 2005) / 5.0)) || '-' || (2010 + 5 * floor((t.y - 2005) / 5.0))
                           end as party_term
                    from typed t
                ),
                numbered as (
                    select k.*, cast(row_number() over (partition by k.scope, k.system, coalesce(k.party_term, ''), coalesce(k.numbering_year, 0),
                                                                      case when k.system = 'PARTY' then upper(k.type) else upper(k.symbol) end
                                                         order by k.g) as int) as number
                    from keyed k
                )
                select %4$d + x.g as id, x.g, x.d, x.y, x.lvl, x.unit_id, x.system, x.type, x.issuer, x.symbol, x.id_year, x.scope,
                       x.numbering_year, x.party_term, x.number,
                       case when x.system = 'PARTY' then x.number || '-' || x.symbol
                            else x.number || coalesce('/' || x.id_year, '') || '/' || x.symbol end as identifier,
                       case when x.type is null then array[x.issuer, case x.issuer when 'VPCP' then 'ĐP' else 'VP' end] else array[x.issuer] end
                           as issuer_codes,
                       case x.type when 'NQ' then 'Nghị quyết' when 'CT' then 'Chỉ thị' when 'KH' then 'Kế hoạch' when 'BC' then 'Báo cáo'
                                   when 'QĐ' then 'Quyết định' when 'HD' then 'Hướng dẫn' when 'KL' then 'Kết luận' when 'CTr' then 'Chương trình'
                                   when 'NĐ' then 'Nghị định' when 'TT' then 'Thông tư' when 'TB' then 'Thông báo' else 'Công văn' end as kind_name,
                       case x.issuer when 'UBND' then 'Ủy ban nhân dân ' || x.place_name when 'ĐU' then 'Đảng ủy ' || x.place_name
                                     when 'TU' then 'Tỉnh ủy ' || x.place_name when 'BDVTU' then 'Ban Dân vận Tỉnh ủy ' || x.place_name
                                     when 'TTg' then 'Thủ tướng Chính phủ' when 'CP' then 'Chính phủ' when 'BNV' then 'Bộ Nội vụ'
                                     when 'VPCP' then 'Văn phòng Chính phủ' when 'TW' then 'Ban Chấp hành Trung ương'
                                     else 'Ban Dân vận Trung ương' end as issuer_name,
                       x.lvl <> 'CENTRAL' as issuer_has_unit,
                       w.topic[1 + floor(x.r_topic * %5$d)] as topic,
                       w.family[1 + floor(x.r_p1 * 24)] || ' ' || w.middle[1 + floor(x.r_p2 * 12)] || ' ' || w.given[1 + floor(x.r_p3 * 26)]
                           as signer_name,
                       case when x.system = 'PARTY' then case when x.r_p3 < 0.6 then 'Bí thư' else 'Phó Bí thư' end
                            else case when x.r_p3 < 0.6 then 'Chủ tịch' else 'Phó Chủ tịch' end end as signer_title,
                       w.content[1 + floor(x.r_content * %6$d)] as content,
                       x.r_rel, x.r_to
                from numbered x
                cross join (select %7$s as topic, %8$s as family, %9$s as middle, %10$s as given, %11$s as content) w
                """.formatted(from, days, n, idBase, TOPICS.length, CONTENTS.length, GeneratorPreparation.array(TOPICS),
                GeneratorPreparation.array(FAMILY), GeneratorPreparation.array(MIDDLE), GeneratorPreparation.array(GIVEN),
                GeneratorPreparation.array(CONTENTS)));
        sql.exec("draw: documents", "create unique index on g_doc (id)");
        // the demo's documents keep their numbers: a drawn one that would take one of theirs is left out
        sql.exec("draw: documents", """
                delete from g_doc g using document d
                where d.identifier is not null and d.numbering_scope = g.scope and d.number = g.number
                  and ((g.system = 'STATE' and d.system = 'STATE' and d.numbering_year = g.numbering_year and upper(d.symbol) = upper(g.symbol))
                    or (g.system = 'PARTY' and d.system = 'PARTY' and d.party_term = g.party_term and upper(d.type) = upper(g.type)))
                """);
        // relations: ~60 % of the local plans implement an earlier central or provincial document (recent ones more often),
        // 3 % of the documents replace the previous one of their unit, system and type
        sql.exec("draw: relations", """
                create temp table g_high as
                select cast(row_number() over (order by id) as bigint) as k, id from g_doc where lvl <> 'COMMUNE'
                """);
        sql.exec("draw: relations", "create unique index on g_high (k)");
        sql.exec("draw: relations", """
                create temp table g_rel as
                select x.id as from_id, 'IMPLEMENTS' as kind, h.id as to_id, x.d as related_on
                from (select id, d, type, lvl, r_rel, r_to,
                             count(*) filter (where lvl <> 'COMMUNE') over (order by id rows between unbounded preceding and 1 preceding) as before
                      from g_doc) x
                join g_high h on h.k = x.before - floor(x.r_to * x.r_to * x.r_to * x.before)
                where x.type = 'KH' and x.lvl <> 'CENTRAL' and x.r_rel < 0.6 and x.before > 0
                union all
                select id, 'REPLACES', previous, d
                from (select id, d, r_rel, lag(id) over (partition by unit_id, system, type order by id) as previous from g_doc) y
                where y.r_rel >= 0.97 and y.previous is not null
                """);
        sql.exec("draw: relations", """
                alter table g_doc add column status text not null default 'IN_FORCE'
                """);
        sql.exec("draw: relations", """
                update g_doc g set status = 'REPLACED' from g_rel r where r.kind = 'REPLACES' and r.to_id = g.id
                """);
    }

    /** The documents issued in one year, with their issuer. */
    static void insertYear(SqlSteps sql, int year, String actor) throws SQLException {
        sql.exec("insert document", """
                insert into document (id, system, identifier, identifier_original, number, number_text, id_year, type, symbol, issuer_codes,
                    kind_name, numbering_scope, numbering_year, party_term, owner_unit_id, signer_name, signer_title, issued_on,
                    effective_from, subject, content, status, search_text, created_by)
                select id, system, identifier, identifier, number, cast(number as text), id_year, type, symbol, issuer_codes, kind_name,
                       scope, numbering_year, party_term, unit_id, signer_name, signer_title, d, d, subject, content, status,
                       search_key(concat_ws(' ', identifier, identifier, kind_name, subject, content, signer_name, signer_title, issuer_name)),
                       '%s'
                from (select g.*, kind_name || ' ' || case type when 'KH' then 'thực hiện ' when 'BC' then 'kết quả '
                                                                 when 'CT' then 'về tăng cường ' else 'về ' end || topic || ' năm ' || y as subject
                      from g_doc g where y = %d) x
                order by id
                """.formatted(actor, year));
        sql.exec("insert document_issuer", """
                insert into document_issuer (document_id, ordinal, unit_id, name)
                select id, 0, case when issuer_has_unit then unit_id end, issuer_name from g_doc where y = %d
                """.formatted(year));
    }

    static void insertRelations(SqlSteps sql, String actor) throws SQLException {
        sql.exec("insert document_relation", """
                insert into document_relation (from_id, kind, to_id, related_on, created_by)
                select from_id, kind, to_id, related_on, '%s' from g_rel order by from_id
                """.formatted(actor));
    }
}
