# The routine book's fixed texts (engine/src/book/text.rs names them).

## Headings and labels

book-routine = Routine
book-decided-by = Decided by
book-decided = Decided on
book-updated = To be updated
book-replaces = Replaces
book-owner = Document owner
book-version = Version
book-introduction = Introduction
book-roles = Roles and responsibilities
book-groups-of-role = Groups
book-groups = Recipient groups
book-address = Address
book-procedure = Procedure
book-diagram = Flow chart
book-deadlines = Deadlines
book-messages = Messages
book-schedules = Recurring lists
book-events = Events at any point of the case
book-events-intro = Word of these may come at any time, whatever step the case stands at.
book-event-from = The word comes from
book-event-then = Then
book-event-goes-on = Every open task is withdrawn and the steps' deadlines stop; the case goes on at step { $number }, { $title }. Deadlines of the whole case still hold.
book-event-ends = Every open task is withdrawn, every deadline stops and the case ends (outcome: { $outcome }).
book-local-choices = Local choices
book-local-choices-intro = Here the municipality has decided what the source document leaves open.
book-trace = Traceability to the source document
book-trace-intro = Each clause of the source document and where in the routine it is done.
book-not-done = not done in the routine
book-generated = This document is generated from the executable routine by Rutin; change the routine file, not the document.
book-main-phase = Course of the case
book-after-join = After that
book-table-clause = Clause
book-table-text = Text of the source document
book-table-where = Done in
book-responsible = Responsible
book-records = Records
book-may-record = May record
book-documents = Documents handed over
book-sets = Rutin sets
book-ways = Ways on
book-otherwise = Otherwise
book-source = Source
book-to = To
book-cc = Copy to
book-sent = Sent
book-left-out = Left out
book-template-legend = «…» stands for details from the case; text within [ ] is shown only in some cases, with the alternatives separated by ǀ.
book-when-passed = When the deadline passes
book-deadline-on = Applies to
book-whole-case = the whole case
book-no-deadlines = The routine has no deadlines.
book-no-messages = The routine sends no messages.
book-no-local-choices = The routine has no local choices.
book-selects = Selection
book-every = How often
book-computed = computed detail
book-recipients = the recipients
book-today = today's date
book-case-id = case number
book-step-title = the step's name
book-routine-title = the routine's name
book-deadline-after = the deadline's length

## Texts built from the routine

# A local choice on a route.
book-route-place = { $step } – the way “{ $way }”
book-step-ref = step { $number }
book-kind-event-from = Waits for word from { $who }.
book-kind-event = Waits for word from outside.
book-kind-decision = Rutin chooses the way by the conditions below.
book-kind-message = Rutin sends a message.
book-kind-parallel = The work is split; the parts are done at the same time.
book-kind-join = Waits until every part is done.
book-kind-end = The case is closed.
book-outcome = Outcome: { $outcome }.
book-wait-until = Waits until { $what }.
book-parallel-note = The parts are done at the same time; the case goes on in step { $join } when all are done.
book-parallel-phase = At the same time: { $title }
book-side-phase = { $reason } (from step { $from })
book-other-way = Other way after “{ $title }”
book-deadline-way = When deadline D{ $number } passes
book-event-way = On the event “{ $title }”
book-go-to = go to step { $number }, { $title }
book-next = Then: step { $number }, { $title }.
book-raw-condition = if the condition
book-sent-in-step = in step { $number }, { $title }
book-sent-by-deadline = when deadline D{ $number } passes
book-sent-by-schedule = { $every }, the list “{ $title }”
book-deadline-ref = deadline D{ $number }
book-message-ref = message M{ $number }
book-schedule-ref = the list “{ $title }”
book-group-of = the group { $label } names
book-group-of-mapped = the group { $label } names ({ $map })
# A time of day after a deadline or a schedule.
book-clock = , at { $time }
book-sees-as = Sees what { $role } sees.
book-left-out-for = { $field } (may not be seen by { $who })
book-duty-task = { $title } (step { $number }).
book-duty-event = Gives word: { $title } (step { $number }).
book-duty-escalation = { $title } (when deadline D{ $number } passes).
book-duty-receives = Receives messages: { $list }.
book-sends = Message M{ $number } is sent to { $to }.
book-opens-task = { $role } gets the task “{ $title }”.
book-moves-to = The case goes to step { $number }, { $title }.
book-deadline-sets = Rutin sets { $list }.
book-only-if = Only { $condition }.

# `$unit` is days, weeks, months, years or working_days.
book-duration = { $unit ->
    [years] { $amount ->
        [1] one year
       *[other] { $amount } years
    }
    [days] { $amount ->
        [1] one day
       *[other] { $amount } days
    }
    [weeks] { $amount ->
        [1] one week
       *[other] { $amount } weeks
    }
    [months] { $amount ->
        [1] one month
       *[other] { $amount } months
    }
   *[working_days] { $amount ->
        [1] one working day
       *[other] { $amount } working days
    }
}
book-every-interval = { $unit ->
    [years] { $amount ->
        [1] every year
       *[other] every { $amount } years
    }
    [days] { $amount ->
        [1] every day
       *[other] every { $amount } days
    }
    [weeks] { $amount ->
        [1] every week
       *[other] every { $amount } weeks
    }
    [months] { $amount ->
        [1] every month
       *[other] every { $amount } months
    }
   *[working_days] { $amount ->
        [1] every working day
       *[other] every { $amount } working days
    }
}
book-from-step-start = the step began
book-from-case-start = the case started
book-deadline-counted = { $duration } after { $start }
# `$times` is a number, or `none` for a repeat without end.
book-deadline-repeat = { $when }, then { $every }{ $times ->
    [1] , at most once
    [none] { " " }for as long as the step lasts
   *[other] , at most { $times } times
}
# The last two items of a list in running text: "a, b and c".
book-and = { $init } and { $last }
# A deadline's number in headings.
book-deadline-label = D{ $number }

# Who a message is sent on behalf of (`from:`), and a template's `sender`.
book-from = From
book-sender = sender
book-sends-from = { $from } sends message M{ $number } to { $to }.
book-duty-sends = Sends messages: { $list }.
# A role whose members get messages as a person named in the case.
book-duty-receives-as = Receives messages as { $person }: { $list }.
