package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.calendar.Complexity;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.identity.UserManagement;
import vn.danvan.identity.UserSummary;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * The screens of case work: the intake form of the reception desk, "my work", search, a petition
 * with its processing form, a matter with its timeline and step form, the hot-spot board. Every
 * call goes through the module's facades, which check scope; forms keep what the officer typed when
 * something is wrong, and a matter saved meanwhile by someone else is shown again, newer.
 */
@Controller
class PetitionController {

    /** The intake form: the petitioner in flat fields, a second person (representative or authorised) optional. */
    record IntakeForm(Long unitId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn, Channel channel,
                      String sourceName, String sourceReference, PetitionerKind petitionerKind, Integer signersCount,
                      String petitionerName, String petitionerAddress, String petitionerPhone, String petitionerIdNumber, String otherName, String otherPhone,
                      String subject, String content, Long placeUnitId, ContentKind declaredKind, Long matterId,
                      Boolean confirmDuplicate) {

        NewPetition toNew() {
            var persons = new ArrayList<PersonInput>();
            if (petitionerKind != PetitionerKind.ANONYMOUS) {
                var mainRole = petitionerKind == PetitionerKind.GROUP ? PersonRole.REPRESENTATIVE : PersonRole.PETITIONER;
                persons.add(new PersonInput(mainRole, petitionerKind == PetitionerKind.ORGANISATION, petitionerName, petitionerAddress,
                        petitionerPhone, petitionerIdNumber));
                if (otherName != null && !otherName.isBlank()) {
                    var otherRole = petitionerKind == PetitionerKind.AUTHORISED ? PersonRole.AUTHORISED : PersonRole.REPRESENTATIVE;
                    persons.add(new PersonInput(otherRole, false, otherName, null, otherPhone, null));
                }
            }
            return new NewPetition(unitId == null ? 0 : unitId, receivedOn, channel, sourceName, sourceReference, petitionerKind,
                    signersCount, subject, content, placeUnitId, declaredKind, persons, null, matterId);
        }
    }

    record ProcessingForm(ContentKind contentKind, Field field, Boolean eligible, IneligibleReason ineligibleReason,
                          Competence competence, Handling handling, Long targetUnitId, String matterNumber, Integer round,
                          Boolean followUp, String note, Integer version) {
    }

    record StepForm(MatterStep.Action action, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, String documentNumber,
                    String note, Boolean remote, Complexity complexity, MatterResult result, java.math.BigDecimal recoverMoney,
                    java.math.BigDecimal recoverLand, java.math.BigDecimal returnOrgMoney, java.math.BigDecimal returnOrgLand,
                    java.math.BigDecimal returnPersonMoney, java.math.BigDecimal returnPersonLand, Integer orgsRestored,
                    Integer personsRestored, Integer orgsDisciplined, Integer personsDisciplined, Integer officialsDisciplined,
                    Integer casesTransferred, Integer personsTransferred, Integer officialsTransferred, Long handlerId,
                    Integer version) {

        /** The same step on another version of the matter: what the officer typed, kept after a conflict. */
        StepForm onVersion(int newer) {
            return new StepForm(action, day, documentNumber, note, remote, complexity, result, recoverMoney, recoverLand,
                    returnOrgMoney, returnOrgLand, returnPersonMoney, returnPersonLand, orgsRestored, personsRestored,
                    orgsDisciplined, personsDisciplined, officialsDisciplined, casesTransferred, personsTransferred,
                    officialsTransferred, handlerId, newer);
        }

        MatterStep toStep() {
            var outcome = new Outcome(recoverMoney, recoverLand, returnOrgMoney, returnOrgLand, returnPersonMoney, returnPersonLand,
                    n(orgsRestored), n(personsRestored), n(orgsDisciplined), n(personsDisciplined), n(officialsDisciplined),
                    n(casesTransferred), n(personsTransferred), n(officialsTransferred));
            return new MatterStep(action, day, documentNumber, note, remote, complexity, result, outcome, handlerId, version);
        }

        private static int n(Integer value) {
            return value == null ? 0 : value;
        }
    }

    private final PetitionManagement petitions;
    private final MatterManagement matters;
    private final PetitionQueries queries;
    private final WorkQueue workQueue;
    private final CurrentUsers users;
    private final UserManagement accounts;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;
    private final OrgScope scope;

    PetitionController(PetitionManagement petitions, MatterManagement matters, PetitionQueries queries, WorkQueue workQueue,
                       CurrentUsers users, UserManagement accounts, OrgUnits units, MessageSource messages, Clock clock,
                       OrgScope scope) {
        this.workQueue = workQueue;
        this.scope = scope;
        this.petitions = petitions;
        this.matters = matters;
        this.queries = queries;
        this.users = users;
        this.accounts = accounts;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- my work and search -----------------------------------------------------------------------

    /** The items of the officer's queue on its page. */
    static final int WORK_PAGE = 300;

    @GetMapping("/petitions/work")
    String work(@RequestParam(defaultValue = "false") boolean urgent, @RequestParam(defaultValue = "0") int page, Model model) {
        var user = users.require();
        var at = Math.min(Math.max(0, page), 1_000_000);
        // one more than shown: whether the queue goes on beyond the page (a link to the next one)
        var items = workQueue.queue(user, urgent, at * WORK_PAGE, WORK_PAGE + 1);
        var shown = items.size() > WORK_PAGE ? items.subList(0, WORK_PAGE) : items;
        model.addAttribute("items", shown);
        model.addAttribute("more", items.size() > WORK_PAGE);
        model.addAttribute("page", at);
        model.addAttribute("first", at * WORK_PAGE + 1);
        model.addAttribute("last", at * WORK_PAGE + shown.size());
        model.addAttribute("urgent", urgent);
        model.addAttribute("mayReceive", mayReceive(user));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("petition.nav"), "/petitions"), new Crumb(text("petition.work.title"), null)));
        return "petition/work";
    }

    @GetMapping("/petitions")
    String search(@RequestParam(required = false) String text, @RequestParam(required = false) ContentKind kind,
                  @RequestParam(required = false) String state, @RequestParam(required = false) Field field,
                  @RequestParam(required = false) Long unitId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean hot,
                  @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model) {
        var user = users.require();
        var filter = new PetitionFilter(text, kind, state, field, unitId, from, to, overdue, hot);
        model.addAttribute("filter", filter);
        model.addAttribute("results", queries.search(filter, Math.max(0, page), 25, user));
        model.addAttribute("countCap", PetitionQueries.countCap(filter));
        model.addAttribute("unitName", unitId == null ? null : units.find(unitId, LocalDate.now(clock)).map(u -> u.name()).orElse(null));
        addChoices(model);
        model.addAttribute("states", searchStates());
        model.addAttribute("mayReceive", mayReceive(user));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("petition.nav"), null)));
        return htmx != null ? "petition/list :: results" : "petition/list";
    }

    // ---- intake ---------------------------------------------------------------------------------

    @GetMapping("/petitions/new")
    String newPetition(@RequestParam(required = false) Long matterId, Model model) {
        var user = users.require();
        model.addAttribute("form", new IntakeForm(user.homeUnitId(), LocalDate.now(clock), Channel.IN_PERSON, null, null,
                PetitionerKind.PERSON, 1, null, null, null, null, null, null, null, null, null, null, matterId, false));
        return showIntake(model, List.of());
    }

    @PostMapping("/petitions/new")
    String receive(@ModelAttribute("form") IntakeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        if (result.hasErrors()) {
            return showIntake(model, List.of());
        }
        var input = form.toNew();
        List<LikelyDuplicate> duplicates = List.of();
        if (!Boolean.TRUE.equals(form.confirmDuplicate())) {
            duplicates = petitions.likelyDuplicates(input.persons(), form.subject(), user);
            if (!duplicates.isEmpty()) {
                return showIntake(model, duplicates);
            }
        }
        try {
            var ref = petitions.receive(input, user);
            redirect.addFlashAttribute("flashSuccess", text("petition.received", ref.number()));
            return "redirect:/petitions/" + ref.id();
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
            return showIntake(model, duplicates);
        }
    }

    /** The live duplicate check while the officer types (htmx), before saving. */
    @PostMapping("/petitions/duplicates")
    String duplicates(@ModelAttribute("form") IntakeForm form, Model model) {
        model.addAttribute("duplicates", petitions.likelyDuplicates(form.toNew().persons(), form.subject(), users.require()));
        return "petition/form :: duplicates";
    }

    /** Returning petitioners (not protected) whose name matches, to fill the form. */
    @GetMapping("/petitions/petitioners")
    String petitioners(@RequestParam(defaultValue = "") String petitionerName, Model model) {
        model.addAttribute("petitioners", petitions.returningPetitioners(petitionerName, users.require()));
        return "petition/form :: petitioners";
    }

    private String showIntake(Model model, List<LikelyDuplicate> duplicates) {
        var form = (IntakeForm) model.getAttribute("form");
        var today = LocalDate.now(clock);
        model.addAttribute("duplicates", duplicates);
        var user = users.require();
        model.addAttribute("mayReceive", mayReceive(user));
        model.addAttribute("unitName", form == null || form.unitId() == null ? null : units.find(form.unitId(), today).map(u -> u.name()).orElse(null));
        model.addAttribute("placeName", form == null || form.placeUnitId() == null ? null : units.find(form.placeUnitId(), today).map(u -> u.name()).orElse(null));
        addChoices(model);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("petition.nav"), "/petitions"), new Crumb(text("petition.new.title"), null)));
        return "petition/form";
    }

    // ---- one petition ---------------------------------------------------------------------------

    @GetMapping("/petitions/{id}")
    String petition(@PathVariable long id, Model model) {
        var user = users.require();
        var detail = queries.petition(id, user);
        if (!model.containsAttribute("processing")) {
            model.addAttribute("processing", new ProcessingForm(detail.contentKind(), detail.field(), null, null, null, null, null,
                    detail.matter() == null ? null : detail.matter().number(), 1, false, null, detail.version()));
        }
        return showPetition(detail, model);
    }

    @PostMapping("/petitions/{id}/processing")
    String process(@PathVariable long id, @ModelAttribute("processing") ProcessingForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        var user = users.require();
        try {
            var matterId = form.matterNumber() == null || form.matterNumber().isBlank() ? null
                    : queries.matterByNumber(form.matterNumber().strip(), user).id();
            petitions.process(id, new Processing(form.contentKind(), form.field(), form.eligible(), form.ineligibleReason(),
                    form.competence(), form.handling(), form.targetUnitId(), matterId, form.round(), form.followUp(), form.note(),
                    null, form.version()), user);
            redirect.addFlashAttribute("flashSuccess", text("petition.processed"));
            return "redirect:/petitions/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
        } catch (ConflictException conflict) {
            model.addAttribute("flashError", text("error.conflict", conflict.key()));
        }
        return showPetition(queries.petition(id, user), model);
    }

    @PostMapping("/petitions/{id}/identity")
    String reveal(@PathVariable long id, Model model) {
        var user = users.require();
        model.addAttribute("persons", petitions.revealIdentity(id, user));
        model.addAttribute("petition", queries.petition(id, user));
        return "petition/detail :: persons";
    }

    @PostMapping("/petitions/{id}/reply")
    String reply(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                 @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            petitions.recordReply(id, day, note, users.require());
            redirect.addFlashAttribute("flashSuccess", text("petition.reply.saved"));
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("flashError", problem(invalid));
        }
        return "redirect:/petitions/" + id;
    }

    @PostMapping("/petitions/{id}/grants")
    String grant(@PathVariable long id, @RequestParam(required = false) Long accountId, RedirectAttributes redirect) {
        try {
            if (accountId == null) {
                throw new InvalidInputException("accountId", "validation.required");
            }
            petitions.grantIdentity(id, accountId, users.require());
            redirect.addFlashAttribute("flashSuccess", text("petition.identity.granted"));
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("flashError", problem(invalid));
        }
        return "redirect:/petitions/" + id;
    }

    private String showPetition(PetitionViews.PetitionDetail detail, Model model) {
        var user = users.require();
        model.addAttribute("petition", detail);
        // the forms that write (processing, the reply) only for those who may write the unit: a viewer saw them and was
        // refused on saving
        model.addAttribute("mayWrite", scope.canWrite(user, detail.unit().id()));
        model.addAttribute("persons", detail.persons());
        // the grant form only for those who may grant (the unit's leaders): an officer saw it and was refused on saving
        var mayGrant = detail.protectedIdentity() && petitions.mayGrantIdentity(user, detail.unit().id());
        model.addAttribute("mayGrant", mayGrant);
        model.addAttribute("colleagues", mayGrant ? handlers(user, detail.unit().id()) : List.of());
        model.addAttribute("targetName", null);
        addChoices(model);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("petition.nav"), "/petitions"), new Crumb(detail.number(), null)));
        return "petition/detail";
    }

    // ---- one matter -----------------------------------------------------------------------------

    @GetMapping("/matters/{id}")
    String matter(@PathVariable long id, Model model) {
        var detail = queries.matter(id, users.require());
        if (!model.containsAttribute("step")) {
            model.addAttribute("step", emptyStep(detail));
        }
        return showMatter(detail, model);
    }

    @PostMapping("/matters/{id}/steps")
    String step(@PathVariable long id, @ModelAttribute("step") StepForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        var user = users.require();
        try {
            matters.record(id, form.toStep(), user);
            redirect.addFlashAttribute("flashSuccess", text("petition.step.saved", text("petition.action." + form.action().name())));
            return "redirect:/matters/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
            model.addAttribute("flashError", problem(invalid));
            return showMatter(queries.matter(id, user), model);
        } catch (ConflictException conflict) {
            // the newer version beside what the officer typed, on that version: nothing typed is lost, and saving it
            // again records the step on top of the other officer's (the state rules check it anew)
            var newer = queries.matter(id, user);
            model.addAttribute("flashError", text("error.conflict", conflict.key()));
            model.addAttribute("step", form.onVersion(newer.version()));
            return showMatter(newer, model);
        }
    }

    private StepForm emptyStep(PetitionViews.MatterDetail detail) {
        return new StepForm(null, LocalDate.now(clock), null, null, detail.remote(), detail.complexity(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, detail.handlerId(), detail.version());
    }

    private String showMatter(PetitionViews.MatterDetail detail, Model model) {
        var user = users.require();
        model.addAttribute("matter", detail);
        model.addAttribute("mayWrite", scope.canWrite(user, detail.unit().id()));
        model.addAttribute("actions", allowedActions(detail));
        model.addAttribute("complexities", Complexity.values());
        model.addAttribute("results", resultsFor(detail));
        model.addAttribute("colleagues", handlers(user, detail.unit().id()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("petition.nav"), "/petitions"), new Crumb(detail.number(), null)));
        return "petition/matter";
    }

    /** The intake (its button, its form) only for those who may receive at their unit: a viewer's would be refused on saving. */
    private boolean mayReceive(CurrentUser user) {
        return scope.canWrite(user, user.homeUnitId());
    }

    /**
     * Who may be chosen as the matter's handler, or granted a petition's protected identities: the accounts of its unit,
     * then of the units above it up to the province (those the user may see), that ASSIGN and the grant accept, i.e. that
     * may work on the unit's cases. A province's officer who handles a board's matter is thus offered beside the board's
     * own staff.
     */
    private List<UserSummary> handlers(CurrentUser user, long unitId) {
        var chain = new ArrayList<>(units.ancestors(unitId, LocalDate.now(clock)).stream()
                .filter(u -> u.level() != UnitLevel.CENTRAL).map(OrgUnit::id).toList());
        Collections.reverse(chain);
        chain.add(0, unitId);
        var seen = new HashSet<Long>();
        return chain.stream().flatMap(id -> accounts.listAtUnit(user, id).stream())
                .filter(c -> seen.add(c.id()) && matters.mayHandle(c.id(), unitId)).toList();
    }

    /** The steps that make sense in the matter's state (the facade checks again and explains refusals). */
    static List<MatterStep.Action> allowedActions(PetitionViews.MatterDetail m) {
        var kind = m.contentKind();
        var actions = EnumSet.noneOf(MatterStep.Action.class);
        switch (m.status()) {
            case RECEIVED -> actions.addAll(Set.of(MatterStep.Action.ACCEPT, MatterStep.Action.NOT_ACCEPT, MatterStep.Action.WITHDRAW));
            case ACCEPTED -> {
                actions.addAll(Set.of(MatterStep.Action.START_VERIFICATION, MatterStep.Action.SUSPEND, MatterStep.Action.WITHDRAW,
                        MatterStep.Action.TERMINATE, MatterStep.Action.WITHDRAW_PARTLY));
                if (!kind.isResolvedByDecision()) actions.add(MatterStep.Action.DECIDE);
                if (kind == ContentKind.DENUNCIATION) actions.add(MatterStep.Action.EXTEND);
            }
            case VERIFYING -> {
                actions.addAll(Set.of(MatterStep.Action.DECIDE, MatterStep.Action.SUSPEND, MatterStep.Action.WITHDRAW,
                        MatterStep.Action.TERMINATE, MatterStep.Action.WITHDRAW_PARTLY));
                if (kind == ContentKind.COMPLAINT) actions.add(MatterStep.Action.HOLD_DIALOGUE);
                if (kind == ContentKind.DENUNCIATION) actions.add(MatterStep.Action.EXTEND);
            }
            case SUSPENDED -> actions.addAll(Set.of(MatterStep.Action.RESUME, MatterStep.Action.WITHDRAW, MatterStep.Action.TERMINATE));
            case DECIDED -> actions.add(MatterStep.Action.CLOSE);
            default -> { }
        }
        if (!m.status().isFinal()) {
            actions.add(MatterStep.Action.ASSIGN);
            actions.add(m.hotManual() ? MatterStep.Action.UNFLAG_HOT : MatterStep.Action.FLAG_HOT);
        }
        return List.copyOf(actions);
    }

    private static List<MatterResult> resultsFor(PetitionViews.MatterDetail m) {
        if (!m.contentKind().isResolvedByDecision()) {
            return List.of();
        }
        return m.contentKind() == ContentKind.COMPLAINT && m.round() == 2
                ? List.of(MatterResult.UPHELD, MatterResult.ANNULLED)
                : List.of(MatterResult.RIGHT, MatterResult.WRONG, MatterResult.PARTLY_RIGHT);
    }

    // ---- hot spots --------------------------------------------------------------------------------

    @GetMapping("/hot-spots")
    String hotSpots(@RequestParam(required = false) Long unitId, Model model) {
        var user = users.require();
        model.addAttribute("groups", queries.hotSpotBoard(unitId, user));
        model.addAttribute("unitName", unitId == null ? null : units.find(unitId, LocalDate.now(clock)).map(u -> u.name()).orElse(null));
        model.addAttribute("unitId", unitId);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("petition.nav"), "/petitions"), new Crumb(text("petition.hot.title"), null)));
        return "petition/hot-spots";
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void addChoices(Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("petitionerKinds", PetitionerKind.values());
        model.addAttribute("contentKinds", ContentKind.values());
        model.addAttribute("fields", Field.values());
        model.addAttribute("competences", Competence.values());
        model.addAttribute("handlings", Handling.values());
        model.addAttribute("ineligibleReasons", IneligibleReason.values());
    }

    private static List<String> searchStates() {
        var states = new ArrayList<String>(List.of("RECEIVED", "PROCESSED"));
        Arrays.stream(MatterStatus.values()).filter(s -> s != MatterStatus.RECEIVED).forEach(s -> states.add(s.name()));
        return states;
    }

    private String problem(InvalidInputException invalid) {
        var p = invalid.problems().get(0);
        return messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
