# `rutin diff`: what changed between two versions, one line per change.

diff-heading = routine { $routine }: version { $old } → { $new }
diff-no-changes = no changes
diff-area = { $area ->
   *[other] { $area }
}
# `key` is the aspect with `-` for spaces (a variant name), `aspect` as it is.
diff-aspect = { $key ->
   *[other] { $aspect }
}
diff-added = + { $name } added
diff-added-after = + { $name } added, after { $new }
diff-added-as = + { $name } added: { $new }
diff-removed = - { $name } removed
diff-removed-was = - { $name } removed (was: { $old })
diff-moved = ~ { $name } moved: now after { $new } (was after { $old })
diff-template-changed = ~ { $name } text changed (below)
diff-changed = ~ { $name }: { $aspect } now { $new } (was { $old })
diff-template = template { $name }:
diff-count = { $count } change(s)
