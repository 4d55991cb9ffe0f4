package vn.danvan.petition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the petition module ({@code danvan.petition.*}).
 *
 * @param crowdThreshold      persons on the same matter from which a visit is a crowd delegation (đoàn đông người); no statutory definition exists (brief §1.3)
 * @param identityKey         base64 AES-256 key encrypting petitioners' identities; when blank on the embedded default, one is made and kept in the data directory
 * @param dueSoonWorkingDays  "due soon" lists show what falls due within this many working days
 * @param hotRepeatVisits     a matter raised at this many visits within {@code hotWindowDays} is flagged
 * @param hotPlacePetitions   this many petitions about one commune in one field within {@code hotWindowDays} flag its open matters of that field
 * @param hotMatterPetitions  this many petitions about the same matter (its petitions) received within {@code hotWindowDays} flag it
 * @param hotWindowDays       the window of the three rules above, in calendar days
 */
@ConfigurationProperties("danvan.petition")
public record PetitionSettings(
        @DefaultValue("5") int crowdThreshold,
        @DefaultValue("") String identityKey,
        @DefaultValue("3") int dueSoonWorkingDays,
        @DefaultValue("3") int hotRepeatVisits,
        @DefaultValue("10") int hotPlacePetitions,
        @DefaultValue("5") int hotMatterPetitions,
        @DefaultValue("90") int hotWindowDays) {
}
