package vn.danvan.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A document to register or the new state of one. {@code identifier} may be blank for an old
 * document whose number is not known; {@code system} is then required, otherwise it follows from
 * the identifier. {@code kindName} defaults to the kind the type stands for; {@code partyTerm}
 * ("2021-2026") defaults to the term of the issuing date; {@code ownerUnitId} is the unit that
 * keeps the record and may change it.
 */
public record DocumentInput(String identifier, DocumentSystem system, String kindName, String partyTerm, Long ownerUnitId,
                            List<IssuerInput> issuers, String signerName, String signerTitle, LocalDate issuedOn,
                            LocalDate effectiveFrom, LocalDate effectiveTo, String subject, String content, DocumentStatus status) {

    public DocumentInput {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }
}
