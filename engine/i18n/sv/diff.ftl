# `rutin diff`: vad som ändrats mellan två versioner, en rad per ändring.

diff-heading = rutin { $routine }: version { $old } → { $new }
diff-no-changes = inga ändringar
diff-area = { $area ->
    [routine] rutinen
    [step] steget
    [deadline] tidsfristen
    [field] fältet
    [template] mallen
    [schedule] listan
    [case-event] händelsen
   *[other] { $area }
}
diff-aspect = { $key ->
    [title] titel
    [owner] ägare
    [start] start
    [kind] typ
    [done-by] utförs av
    [routes] vägar
    [records] registrerar
    [recipients] mottagare
    [template] mall
    [instructions] instruktioner
    [type] typ
    [required] obligatoriskt
    [visibility] synlighet
    [after] efter
    [text] text
    [passes] går ut
    [repeats] upprepas
    [message] meddelande
    [task] uppgift
    [goes-to] går till
    [at] klockan
    [groups] grupper
    [runs] körs
    [lists] listar
    [sent-by] skickas av
    [then] sedan
   *[other] { $aspect }
}
# Steget och fältet är neutrum (tillagt, borttaget), de andra utrum.
diff-added = + { $name } { $area ->
    [step] tillagt
    [field] tillagt
   *[other] tillagd
}
diff-added-after = + { $name } { $area ->
    [step] tillagt
    [field] tillagt
   *[other] tillagd
}, efter { $new }
diff-added-as = + { $name } { $area ->
    [step] tillagt
    [field] tillagt
   *[other] tillagd
}: { $new }
diff-removed = - { $name } { $area ->
    [step] borttaget
    [field] borttaget
   *[other] borttagen
}
diff-removed-was = - { $name } { $area ->
    [step] borttaget
    [field] borttaget
   *[other] borttagen
} (var: { $old })
diff-moved = ~ { $name } flyttat: nu efter { $new } (var efter { $old })
diff-template-changed = ~ { $name } texten ändrad (se nedan)
diff-changed = ~ { $name }: { $aspect } nu { $new } (var { $old })
diff-template = mallen { $name }:
diff-count = { $count } ändring(ar)

# De jämförda värdena, i ord.
diff-value-none = —
diff-value-no-step = inget steg
diff-value-routine-itself = rutinen själv
diff-value-copy-to = kopia till { $name }
diff-value-route-if = om { $condition } → { $step }
diff-value-route = → { $step }
diff-value-optional-field = { $field } (valfritt)
diff-value-after = efter { $duration }
diff-value-from = { $when } från { $field }
diff-value-if = { $when } om { $condition }
diff-value-every = varje { $duration }
diff-value-every-times = varje { $duration }, högst { $times } gånger
diff-value-message = { $template } till { $recipients }
diff-value-aspect = { $aspect } { $value }
diff-value-everyone = alla
diff-value-only = bara { $roles }
diff-value-required = obligatoriskt
diff-value-optional = valfritt
diff-value-seen-by = { $type }, synligt för { $visibility }
diff-value-template-old = { $name } (gammal)
diff-value-template-new = { $name } (ny)
diff-value-case-ends = ärendet avslutas ({ $outcome })
