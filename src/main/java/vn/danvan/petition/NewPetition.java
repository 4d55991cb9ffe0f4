package vn.danvan.petition;

import java.time.LocalDate;
import java.util.List;

/**
 * A petition as the reception desk enters it. {@code declaredKind} is what the letter appears to
 * be at intake (a denunciation is protected from the first moment); it is confirmed when the
 * petition is processed. {@code matterId} links it to an existing matter (vụ việc) of the unit.
 */
public record NewPetition(long unitId, LocalDate receivedOn, Channel channel, String sourceName, String sourceReference,
                          PetitionerKind petitionerKind, Integer signersCount, String subject, String content,
                          Long placeUnitId, ContentKind declaredKind, List<PersonInput> persons, Long visitId, Long matterId) {

    public NewPetition {
        persons = persons == null ? List.of() : List.copyOf(persons);
    }
}
