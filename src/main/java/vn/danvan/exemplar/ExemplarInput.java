package vn.danvan.exemplar;

import java.time.LocalDate;
import java.util.List;

/**
 * A model or exemplar as a unit registers it: the nine fields of today's registration form (name;
 * situation and reason; objectives and criteria; content and way of working; area and
 * beneficiaries; implementing forces; resources and timeline; outputs; ability to sustain and
 * replicate), who registers it, its fields of work and the campaign or plan it answers.
 */
public record ExemplarInput(ExemplarKind kind, String name, Long unitId, RegistrantType registrantType, String registrantName,
                            String personName, String personTitle, String situation, String objectives, String method,
                            String area, String forces, Long fundsVnd, String materials, Integer workdays, Long socialisedVnd,
                            LocalDate startsOn, LocalDate endsOn, String outputs, String sustainability, String campaign,
                            LocalDate registeredOn, List<String> fields, String publicSummary) {

    public ExemplarInput {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
