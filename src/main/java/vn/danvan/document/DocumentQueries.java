package vn.danvan.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.document.DocumentViews.AttachmentFile;
import vn.danvan.document.DocumentViews.AttachmentView;
import vn.danvan.document.DocumentViews.ChainLink;
import vn.danvan.document.DocumentViews.CitationView;
import vn.danvan.document.DocumentViews.DocumentDetail;
import vn.danvan.document.DocumentViews.DocumentRow;
import vn.danvan.document.DocumentViews.IssuerView;
import vn.danvan.document.DocumentViews.RelationView;
import vn.danvan.document.DocumentViews.UnitRef;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * The questions asked of the registry: search, one document with its relations both ways and its
 * lineage, an attachment's file. Issued documents are read by every signed-in user (a commune reads
 * the province's and the centre's directives to implement them); scope governs who changes them.
 */
@Service
@Transactional(readOnly = true)
public class DocumentQueries {

    /** A search: {@code q} matches an identifier exactly and the texts without accents; the others filter. */
    public record DocumentFilter(String q, String type, String issuer, Integer year) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final Clock clock;

    DocumentQueries(JdbcClient jdbc, OrgScope scope, OrgUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.clock = clock;
    }

    /** Above this many matches the count stops and the list says "more than" (a common word matches most of the registry). */
    public static final int COUNT_CAP = 1_000;

    /**
     * Documents matching the filter, newest first; an exact identifier match comes before documents
     * that only mention it. Counted up to {@link #COUNT_CAP} + 1 when {@code q} is given (the list then
     * says "more than"), exactly otherwise. See {@link DocumentSearchSql} for how each condition meets its index.
     */
    public PageResult<DocumentRow> search(DocumentFilter filter, int page, int size, CurrentUser user) {
        var q = blankToNull(filter.q());
        var params = new HashMap<String, Object>();
        var filters = new StringBuilder();
        if (blankToNull(filter.type()) != null) {
            filters.append(" and upper(d.type) = upper(:type)");
            params.put("type", filter.type().strip());
        }
        if (filter.year() != null) {
            filters.append(" and coalesce(d.id_year, cast(extract(year from d.issued_on) as integer)) = :year");
            params.put("year", filter.year());
        }
        if (blankToNull(filter.issuer()) != null) {
            filters.append('\n').append("""
                     and (upper(:issuer) in (select upper(x) from unnest(d.issuer_codes) x)
                          or exists (select 1 from document_issuer i
                                     where i.document_id = d.id and search_key(i.name) like '%' || search_key(:issuer) || '%'))""");
            params.put("issuer", filter.issuer().strip());
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        if (q == null) {
            var total = jdbc.sql("select count(*) from document d where true" + filters).params(params).query(Long.class).single();
            var rows = jdbc.sql(DocumentSearchSql.ROW_COLUMNS + "from document d where true" + filters + "\n" + """
                            order by d.issued_on desc nulls last, d.id desc
                            limit :limit offset :offset""")
                    .params(params).query(DocumentRow.class).list();
            return new PageResult<>(rows, total, page, size);
        }
        var search = DocumentSearchSql.of(q, filters.toString(), this::yearsNewestFirst);
        params.putAll(search.params());
        params.put("q", q);
        params.put("identifier", search.identifier());
        params.put("cap", COUNT_CAP + 1);
        if (search.countsYearByYear()) {
            // newest year first, stopping at the cap: parallel workers would start the older years too (this transaction only)
            jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
        }
        var total = jdbc.sql(search.cappedCount()).params(params).query(Long.class).single();
        params.put("n", (long) page * size + size);
        var rows = jdbc.sql(search.page(total > COUNT_CAP)).params(params).query(DocumentRow.class).list();
        return new PageResult<>(rows, total, page, size);
    }

    /** The years documents were issued in, newest first, then 0 for the undated (the year words index's years, V86). */
    private List<Integer> yearsNewestFirst() {
        var range = jdbc.sql("select cast(extract(year from min(issued_on)) as integer), cast(extract(year from max(issued_on)) as integer)"
                + " from document").query((rs, n) -> rs.getObject(1) == null ? null : new int[] {rs.getInt(1), rs.getInt(2)}).single();
        var years = new ArrayList<Integer>();
        if (range != null) {
            for (int y = range[1]; y >= range[0]; y--) {
                years.add(y);
            }
        }
        years.add(0);
        return years;
    }

    /** @throws NotFoundException when there is no such document */
    public DocumentDetail detail(long id, CurrentUser user) {
        record Head(long id, String identifier, String identifierOriginal, DocumentSystem system, Integer number, Integer idYear,
                    String type, String[] issuerCodes, String kindName, String partyTerm, long ownerUnitId, String signerName,
                    String signerTitle, LocalDate issuedOn, LocalDate effectiveFrom, LocalDate effectiveTo, String subject,
                    String content, DocumentStatus status, int version) {
        }
        var h = jdbc.sql("""
                        select id, identifier, identifier_original, system, number, id_year, type, issuer_codes, kind_name, party_term,
                               owner_unit_id, signer_name, signer_title, issued_on, effective_from, effective_to, subject, content,
                               status, version
                        from document where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("identifier"), rs.getString("identifier_original"),
                        DocumentSystem.valueOf(rs.getString("system")), (Integer) rs.getObject("number"), (Integer) rs.getObject("id_year"),
                        rs.getString("type"), (String[]) rs.getArray("issuer_codes").getArray(), rs.getString("kind_name"),
                        rs.getString("party_term"), rs.getLong("owner_unit_id"), rs.getString("signer_name"), rs.getString("signer_title"),
                        rs.getObject("issued_on", LocalDate.class), rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class), rs.getString("subject"), rs.getString("content"),
                        DocumentStatus.valueOf(rs.getString("status")), rs.getInt("version")))
                .optional().orElseThrow(() -> new NotFoundException("document", id));
        var owner = units.find(h.ownerUnitId(), h.issuedOn() != null ? h.issuedOn() : LocalDate.now(clock))
                .map(u -> new UnitRef(u.id(), u.code(), u.name())).orElse(new UnitRef(h.ownerUnitId(), null, null));
        var issuerRows = jdbc.sql("select unit_id, name from document_issuer where document_id = :id order by ordinal")
                .param("id", id).query((rs, n) -> new Object[] {rs.getObject("unit_id", Long.class), rs.getString("name")}).list();
        var issuers = new ArrayList<IssuerView>();
        for (var row : issuerRows) {
            var unitId = (Long) row[0];
            var code = unitId == null ? null
                    : units.find(unitId, h.issuedOn() != null ? h.issuedOn() : LocalDate.now(clock)).map(u -> u.code()).orElse(null);
            issuers.add(new IssuerView(unitId, code, (String) row[1]));
        }
        return new DocumentDetail(h.id(), h.identifier(), h.identifierOriginal(), h.system(), h.number(), h.idYear(), h.type(),
                List.of(h.issuerCodes()), h.kindName(), h.partyTerm(), owner, issuers, h.signerName(), h.signerTitle(), h.issuedOn(),
                h.effectiveFrom(), h.effectiveTo(), h.subject(), h.content(), h.status(), h.version(), relations(id), chain(id),
                attachments(id), scope.canWrite(user, h.ownerUnitId()));
    }

    /** A document's identifier (or its kind when it has no number) and subject, for other modules' headings. */
    public record Heading(long id, String identifier, String subject) {
    }

    /** The heading of a document without its relations and attachments (a directive may have thousands). */
    public java.util.Optional<Heading> heading(long id) {
        return jdbc.sql("select id, coalesce(identifier, kind_name) as identifier, subject from document where id = :id")
                .param("id", id).query(Heading.class).optional();
    }

    /** The identifiers of many documents at once (see {@link #identifierOf}); unknown ids are absent. */
    public java.util.Map<Long, String> identifiersOf(java.util.Collection<Long> ids) {
        var found = new java.util.HashMap<Long, String>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, coalesce(identifier, kind_name) from document where id = any(:ids)")
                    .param("ids", ids.toArray(Long[]::new))
                    .query((rs, n) -> found.put(rs.getLong(1), rs.getString(2))).list();
        }
        return found;
    }

    /** A document's identifier (null for one registered without a number), for other modules' links. */
    public java.util.Optional<String> identifierOf(long id) {
        return jdbc.sql("select coalesce(identifier, kind_name) from document where id = :id").param("id", id).query(String.class).optional();
    }

    /** The id of the document holding an identifier (its normal form, any spelling that parses to it). */
    public java.util.Optional<Long> idByIdentifier(String identifier) {
        String normalized;
        try {
            normalized = DocumentIdentifier.parse(identifier).normalized();
        } catch (InvalidInputException e) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select id from document where upper(identifier) = upper(:i) order by issued_on desc nulls last, id desc limit 1")
                .param("i", normalized).query(Long.class).optional();
    }

    /** Relations both ways: what this document implements, replaces … and what implements, replaces … it. */
    List<RelationView> relations(long id) {
        return jdbc.sql("""
                        select r.id, case when r.from_id = :id then 'OUT' else 'IN' end as direction, r.kind,
                               o.id as other_id, o.identifier as other_identifier, o.kind_name as other_kind_name,
                               o.subject as other_subject, o.issued_on as other_issued_on, o.status as other_status,
                               r.related_on, r.note
                        from document_relation r
                        join document o on o.id = case when r.from_id = :id then r.to_id else r.from_id end
                        where r.from_id = :id or r.to_id = :id
                        order by direction desc, r.kind, o.issued_on nulls last, o.id""")
                .param("id", id).query(RelationView.class).list();
    }

    /**
     * The lineage through REPLACES and RENEWS, both ways, oldest first: 290-QĐ/TW → replaced by
     * 23-QĐ/TW; 16/CT-TTg → renewed by 33/CT-TTg. Empty when the document has no such relation.
     */
    List<ChainLink> chain(long id) {
        var ids = jdbc.sql("""
                        with recursive lineage(id) as (
                            select cast(:id as bigint)
                            union
                            select case when r.from_id = l.id then r.to_id else r.from_id end
                            from document_relation r join lineage l on l.id in (r.from_id, r.to_id)
                            where r.kind in ('REPLACES', 'RENEWS')
                        )
                        select id from lineage""")
                .param("id", id).query(Long.class).list();
        if (ids.size() < 2) {
            return List.of();
        }
        record Node(long id, String identifier, String kindName, String subject, LocalDate issuedOn, DocumentStatus status) {
        }
        record Edge(long fromId, RelationKind kind, long toId) {
        }
        var nodes = new ArrayList<>(jdbc.sql("select id, identifier, kind_name, subject, issued_on, status from document where id in (:ids)")
                .param("ids", ids).query(Node.class).list());
        var edges = jdbc.sql("""
                        select from_id, kind, to_id from document_relation
                        where kind in ('REPLACES', 'RENEWS') and from_id in (:ids) and to_id in (:ids)""")
                .param("ids", ids).query(Edge.class).list();
        // oldest first by the relations themselves (a document without a date still follows the one it replaces), then by date
        var depth = new HashMap<Long, Integer>();
        for (int round = 0; round < nodes.size(); round++) {
            for (var e : edges) {
                depth.merge(e.fromId(), depth.getOrDefault(e.toId(), 0) + 1, Math::max);
            }
        }
        nodes.sort(Comparator.<Node>comparingInt(n -> depth.getOrDefault(n.id(), 0))
                .thenComparing(Node::issuedOn, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Node::id));
        var links = new ArrayList<ChainLink>();
        for (int i = 0; i < nodes.size(); i++) {
            var node = nodes.get(i);
            RelationKind how = null;
            if (i > 0) {
                how = edges.stream().filter(e -> e.fromId() == node.id()).map(Edge::kind).findFirst().orElse(null);
            }
            links.add(new ChainLink(node.id(), node.identifier(), node.kindName(), node.subject(), node.issuedOn(), node.status(), how,
                    node.id() == id));
        }
        return links;
    }

    List<AttachmentView> attachments(long id) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, text_content is not null as has_text, uploaded_by, uploaded_at
                        from document_attachment where document_id = :id order by id""")
                .param("id", id).query(AttachmentView.class).list();
    }

    /** @throws NotFoundException when the attachment does not belong to the document */
    public AttachmentFile attachment(long documentId, long attachmentId, CurrentUser user) {
        return jdbc.sql("select file_name, content_type, content from document_attachment where id = :a and document_id = :d")
                .param("a", attachmentId).param("d", documentId)
                .query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    /** Reads a pasted citation for the form; the identifier's problem, if any, as a message key. */
    public static CitationView readCitation(String text, java.util.function.Function<InvalidInputException.Problem, String> messages) {
        var c = Citation.parse(text);
        return new CitationView(c.kindName(), c.identifier() == null ? null : c.identifier().normalized(),
                c.identifier() == null ? null : c.identifier().system(), c.issuedOn(), c.issuers(), c.subject(),
                c.problem() == null ? null : messages.apply(c.problem().problems().get(0)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
