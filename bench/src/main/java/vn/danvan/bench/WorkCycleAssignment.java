package vn.danvan.bench;

import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A national directive ({@code n/CT-TTg}, issued 90 days ago, the implementing plans due 60 days later) assigned to every
 * commune valid today; 60 % of the communes have issued their implementing plan ({@code n/KH-UBND} of the commune,
 * IMPLEMENTS the directive), half of those have reported since; the others have not acted.
 */
final class WorkCycleAssignment {

    private final SqlSteps sql;
    private final LocalDate today;
    private long id;

    WorkCycleAssignment(SqlSteps sql, LocalDate today) {
        this.sql = sql;
        this.today = today;
    }

    long id() {
        return id;
    }

    void insert(String actor) throws SQLException {
        var issued = today.minusDays(90);
        long documentId = sql.longQuery("select coalesce(max(id), 0) + 1 from document");
        sql.exec("insert document", """
                insert into document (id, system, identifier, identifier_original, number, number_text, type, symbol, issuer_codes, kind_name,
                    numbering_scope, numbering_year, owner_unit_id, signer_name, signer_title, issued_on, effective_from, subject, content,
                    search_text, created_by)
                select %1$d, 'STATE', n || '/CT-TTg', n || '/CT-TTg', n, cast(n as text), 'CT', 'CT-TTg', array['TTg'], 'Chỉ thị', 'code:TTg',
                       %2$d, (select id from g_root), 'Phạm Minh Chính', 'Thủ tướng', date '%3$s', date '%3$s',
                       'Chỉ thị về tăng cường công tác dân vận của cơ quan nhà nước các cấp trong tình hình mới',
                       'Giao Ủy ban nhân dân các xã, phường, đặc khu xây dựng kế hoạch thực hiện.',
                       search_key(n || '/CT-TTg Chỉ thị về tăng cường công tác dân vận của cơ quan nhà nước các cấp trong tình hình mới'), '%4$s'
                from (select coalesce(max(number), 0) + 1 as n from document
                      where system = 'STATE' and identifier is not null and numbering_scope = 'code:TTg' and numbering_year = %2$d
                        and upper(symbol) = 'CT-TTG') x
                """.formatted(documentId, issued.getYear(), issued, actor));
        sql.exec("insert document_issuer", """
                insert into document_issuer (document_id, ordinal, unit_id, name) values (%d, 0, null, 'Thủ tướng Chính phủ')
                """.formatted(documentId));
        id = sql.longQuery("""
                insert into plan_assignment (document_id, assigning_unit_id, assigned_on, due_on, target, note, created_by)
                values (%d, (select id from g_root), date '%s', date '%s', 'UNITS', 'Tất cả các xã, phường, đặc khu', '%s') returning id
                """.formatted(documentId, issued, issued.plusDays(60), actor));
        // the communes valid today, drawn: acted (60 %), on which day, reported (half of those)
        sql.exec("draw: assignment", """
                create temp table g_assign as
                select o.id as unit_id, o.code, v.name, v.sort_name, random() as r_act, random() as r_day, random() as r_rep
                from org_unit o join org_unit_version v on v.unit_id = o.id and v.validity @> date '%1$s'
                where o.category = 'AREA' and o.level = 'COMMUNE' and o.validity @> date '%1$s'
                """.formatted(today));
        sql.exec("draw: assignment", """
                alter table g_assign add column document_id bigint, add column implemented_on date, add column number int
                """);
        sql.exec("draw: assignment", """
                update g_assign a set document_id = x.id, implemented_on = least(date '%2$s' + 3 + cast(floor(a.r_day * 80) as int), date '%3$s'),
                       number = 1 + coalesce((select max(d.number) from document d where d.system = 'STATE' and d.identifier is not null
                                              and d.numbering_scope = 'unit:' || a.unit_id and d.numbering_year = %4$d
                                              and upper(d.symbol) = 'KH-UBND'), 0)
                from (select unit_id, %1$d + row_number() over (order by unit_id) as id from g_assign where r_act < 0.6) x
                where x.unit_id = a.unit_id
                """.formatted(documentId, issued, today, today.getYear()));
        sql.exec("insert document", """
                insert into document (id, system, identifier, identifier_original, number, number_text, type, symbol, issuer_codes, kind_name,
                    numbering_scope, numbering_year, owner_unit_id, issued_on, effective_from, subject, search_text, created_by)
                select document_id, 'STATE', number || '/KH-UBND', number || '/KH-UBND', number, cast(number as text), 'KH', 'KH-UBND',
                       array['UBND'], 'Kế hoạch', 'unit:' || unit_id, %1$d, unit_id, implemented_on, implemented_on,
                       'Kế hoạch thực hiện Chỉ thị về tăng cường công tác dân vận của cơ quan nhà nước trên địa bàn ' || name,
                       search_key(number || '/KH-UBND Kế hoạch thực hiện Chỉ thị về tăng cường công tác dân vận ' || name), '%2$s'
                from g_assign where document_id is not null order by document_id
                """.formatted(today.getYear(), actor));
        sql.exec("insert document_issuer", """
                insert into document_issuer (document_id, ordinal, unit_id, name)
                select document_id, 0, unit_id, 'Ủy ban nhân dân ' || name from g_assign where document_id is not null
                """);
        sql.exec("insert document_relation", """
                insert into document_relation (from_id, kind, to_id, related_on, created_by)
                select document_id, 'IMPLEMENTS', %d, implemented_on, '%s' from g_assign where document_id is not null
                """.formatted(documentId, actor));
        sql.exec("insert plan_assignment_unit", """
                insert into plan_assignment_unit (assignment_id, unit_id, unit_code, unit_name, unit_sort_name, implementing_document_id,
                    implemented_on, latest_report_on, latest_report_text)
                select %1$d, unit_id, code, name, sort_name, document_id, implemented_on,
                       case when document_id is not null and r_rep < 0.5 then least(implemented_on + 20, date '%2$s') end,
                       case when document_id is not null and r_rep < 0.5 then 'Đã tổ chức hội nghị quán triệt, triển khai đến các thôn, tổ dân phố' end
                from g_assign order by unit_id
                """.formatted(id, today));
    }

    String describe() throws SQLException {
        return sql.query("""
                select 'directive ' || d.identifier || ' of ' || to_char(d.issued_on, 'DD/MM/YYYY') || ' assigned to ' || count(*)
                    || ' communes (all valid today), ' || count(u.implementing_document_id) || ' acted, '
                    || count(u.latest_report_on) || ' reported'
                from plan_assignment a join document d on d.id = a.document_id join plan_assignment_unit u on u.assignment_id = a.id
                where a.id = %d group by d.identifier, d.issued_on
                """.formatted(id));
    }
}
