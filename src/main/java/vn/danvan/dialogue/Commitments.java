package vn.danvan.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.petition.Channel;
import vn.danvan.petition.ContentKind;
import vn.danvan.petition.NewPetition;
import vn.danvan.petition.PersonInput;
import vn.danvan.petition.PersonRole;
import vn.danvan.petition.PetitionManagement;
import vn.danvan.petition.PetitionerKind;
import vn.danvan.plan.NewTask;
import vn.danvan.plan.OriginTasks;
import vn.danvan.plan.TaskAssignments;
import vn.danvan.plan.TaskOrigin;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * What becomes of an opinion that is not answered on the spot: a commitment — a task of module plan with
 * origin ("DIALOGUE", dialogue id) that the organising unit assigns to a unit with a deadline, the
 * responsible unit follows up on the task page, and the organising unit accepts as done or sends back —
 * or, when it is really a complaint or a denunciation, a petition handed to module petition (the
 * petition's id is kept on the opinion; nothing is copied back).
 */
@Service
@Transactional
public class Commitments {

    static final String ORIGIN = "DIALOGUE";

    private final DialogueManagement dialogues;
    private final TaskAssignments assignments;
    private final OriginTasks originTasks;
    private final PetitionManagement petitions;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Commitments(DialogueManagement dialogues, TaskAssignments assignments, OriginTasks originTasks, PetitionManagement petitions,
                JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.dialogues = dialogues;
        this.assignments = assignments;
        this.originTasks = originTasks;
        this.petitions = petitions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Assigns the opinion to a unit with a deadline (the task's title is the opinion's topic unless given).
     *
     * @return the task's id in module plan
     * @throws InvalidInputException {@code commitmentUnitId}, {@code commitmentDueOn} (missing, or before the dialogue)…
     */
    public long assign(long dialogueId, long opinionId, String title, Long unitId, LocalDate dueOn, CurrentUser user) {
        var d = dialogues.loadForWrite(dialogueId, user);
        var o = dialogues.opinion(dialogueId, opinionId);
        var problems = new ArrayList<Problem>();
        if (o.settled()) {
            problems.add(new Problem("commitmentUnitId", "dialogue.opinion.already-settled"));
        }
        DialogueRules.checkCommitment(unitId, dueOn, d.heldOn(), title, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var taskTitle = DialogueManagement.blankToNull(title) != null ? title.strip() : abbreviate(o.topic());
        long taskId;
        try {
            taskId = assignments.assign(new TaskOrigin(ORIGIN, dialogueId), d.unitId(),
                    List.of(new NewTask(taskTitle, unitId, List.of(), dueOn, null)), user).get(0);
        } catch (InvalidInputException invalid) {
            // plan names the fields of its task list ("tasks[0].dueOn"); the opinion's form has one commitment
            throw new InvalidInputException(invalid.problems().stream().map(p -> new Problem(commitmentField(p.field()), p.messageKey(),
                    p.args())).toList());
        }
        jdbc.sql("update dialogue_opinion set task_id = :t where id = :id").param("t", taskId).param("id", opinionId).update();
        dialogues.touch(dialogueId);
        audit.record("dialogue.commitment-assigned", "dialogue", dialogueId, d.unitId(), null,
                AuditTrail.fields("opinion", opinionId, "task", taskId, "unit", unitId, "dueOn", dueOn, "title", taskTitle));
        return taskId;
    }

    /**
     * The organising unit accepts the commitment as done: the responsible unit must have filed a follow-up report.
     *
     * @throws InvalidInputException {@code followUpReport} when no report was filed
     * @throws vn.danvan.shared.ConflictException when the task changed since {@code version} was read
     */
    public void accept(long dialogueId, long opinionId, int version, CurrentUser user) {
        var d = dialogues.loadForWrite(dialogueId, user);
        var taskId = taskOf(dialogueId, opinionId);
        originTasks.accept(new TaskOrigin(ORIGIN, dialogueId), taskId, version, user);
        jdbc.sql("update dialogue_opinion set accepted_on = :today where id = :id").param("today", LocalDate.now(clock))
                .param("id", opinionId).update();
        audit.record("dialogue.commitment-accepted", "dialogue", dialogueId, d.unitId(), null,
                AuditTrail.fields("opinion", opinionId, "task", taskId));
    }

    /** The organising unit does not accept the reported completion: the task is open again, with the reason. */
    public void sendBack(long dialogueId, long opinionId, String reason, int version, CurrentUser user) {
        var d = dialogues.loadForWrite(dialogueId, user);
        var taskId = taskOf(dialogueId, opinionId);
        originTasks.sendBack(new TaskOrigin(ORIGIN, dialogueId), taskId, reason, version, user);
        jdbc.sql("update dialogue_opinion set accepted_on = null where id = :id").param("id", opinionId).update();
        audit.record("dialogue.commitment-sent-back", "dialogue", dialogueId, d.unitId(), null,
                AuditTrail.fields("opinion", opinionId, "task", taskId, "reason", reason));
    }

    /**
     * Hands the opinion to module petition as a complaint or a denunciation received at {@code receivingUnitId}
     * (the organising unit when null), on the dialogue's day, from the speaker named on the opinion.
     *
     * @return the petition's case number
     */
    public String handToPetition(long dialogueId, long opinionId, ContentKind kind, Long receivingUnitId, CurrentUser user) {
        var d = dialogues.loadForWrite(dialogueId, user);
        var o = dialogues.opinion(dialogueId, opinionId);
        if (o.petitionId() != null) {
            throw new InvalidInputException("petitionKind", "dialogue.petition.already-handed");
        }
        if (kind == null) {
            throw new InvalidInputException("petitionKind", "validation.required");
        }
        if (kind != ContentKind.COMPLAINT && kind != ContentKind.DENUNCIATION) {
            throw new InvalidInputException("petitionKind", "dialogue.petition.kind");
        }
        var named = o.speakerName() != null && !"ANONYMOUS".equals(o.speakerKind());
        var petitionerKind = !named ? PetitionerKind.ANONYMOUS
                : "ORGANISATION".equals(o.speakerKind()) ? PetitionerKind.ORGANISATION : PetitionerKind.PERSON;
        var persons = new ArrayList<PersonInput>();
        if (named) {
            var contact = o.speakerContact();
            var phone = contact != null && contact.matches("[0-9 +.()-]{8,}") ? contact : null;
            persons.add(new PersonInput(PersonRole.PETITIONER, petitionerKind == PetitionerKind.ORGANISATION, o.speakerName(),
                    phone == null ? contact : null, phone, null));
        }
        var content = o.place() == null ? o.topic() : o.topic() + "\n(" + o.place() + ")";
        var unit = receivingUnitId != null ? receivingUnitId : d.unitId();
        var ref = petitions.receive(new NewPetition(unit, d.heldOn(), Channel.IN_PERSON, d.title(), "Đối thoại số " + dialogueId,
                petitionerKind, 1, abbreviate(o.topic()), content, null, kind, persons, null, null), user);
        jdbc.sql("update dialogue_opinion set petition_id = :p where id = :id").param("p", ref.id()).param("id", opinionId).update();
        dialogues.touch(dialogueId);
        audit.record("dialogue.opinion-handed-to-petition", "dialogue", dialogueId, d.unitId(), null,
                AuditTrail.fields("opinion", opinionId, "petition", ref.number(), "kind", kind));
        return ref.number();
    }

    private long taskOf(long dialogueId, long opinionId) {
        var o = dialogues.opinion(dialogueId, opinionId);
        if (o.taskId() == null) {
            throw new NotFoundException("commitment", opinionId);
        }
        return o.taskId();
    }

    private static String commitmentField(String field) {
        var name = field.contains("].") ? field.substring(field.indexOf("].") + 2) : field;
        return switch (name) {
            case "responsibleUnitId" -> "commitmentUnitId";
            case "dueOn" -> "commitmentDueOn";
            case "title" -> "commitmentTitle";
            default -> name;
        };
    }

    /** A task title or a petition subject from an opinion's topic: its first 480 characters. */
    static String abbreviate(String topic) {
        var t = topic.strip().replaceAll("\\s+", " ");
        return t.length() <= 480 ? t : t.substring(0, 479) + "…";
    }
}
