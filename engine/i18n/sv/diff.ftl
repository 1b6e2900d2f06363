# `rutin diff`: vad som ändrats mellan två versioner, en rad per ändring.

diff-heading = rutin { $routine }: version { $old } → { $new }
diff-no-changes = inga ändringar
diff-area = { $area ->
    [routine] rutinen
    [step] steget
    [deadline] tidsfristen
    [field] fältet
    [template] mallen
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
   *[other] { $aspect }
}
diff-added = + { $name } tillagt
diff-added-after = + { $name } tillagt, efter { $new }
diff-added-as = + { $name } tillagt: { $new }
diff-removed = - { $name } borttaget
diff-removed-was = - { $name } borttaget (var: { $old })
diff-moved = ~ { $name } flyttat: nu efter { $new } (var efter { $old })
diff-template-changed = ~ { $name } texten ändrad (se nedan)
diff-changed = ~ { $name }: { $aspect } nu { $new } (var { $old })
diff-template = mallen { $name }:
diff-count = { $count } ändring(ar)
