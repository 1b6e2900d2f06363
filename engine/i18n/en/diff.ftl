# `rutin diff`: what changed between two versions, one line per change.

diff-heading = routine { $routine }: version { $old } → { $new }
diff-no-changes = no changes
diff-area = { $area ->
    [case-event] case event
   *[other] { $area }
}
# `key` is the aspect with `-` for spaces (a variant name), `aspect` as it is.
diff-aspect = { $key ->
   *[other] { $aspect }
}
# `area` (step, field, deadline...) lets a language agree with the noun.
diff-added = + { $name } { $area ->
   *[other] added
}
diff-added-after = + { $name } { $area ->
   *[other] added
}, after { $new }
diff-added-as = + { $name } { $area ->
   *[other] added
}: { $new }
diff-removed = - { $name } { $area ->
   *[other] removed
}
diff-removed-was = - { $name } { $area ->
   *[other] removed
} (was: { $old })
diff-moved = ~ { $name } moved: now after { $new } (was after { $old })
diff-template-changed = ~ { $name } text changed (below)
diff-changed = ~ { $name }: { $aspect } now { $new } (was { $old })
diff-template = template { $name }:
diff-count = { $count } change(s)

# The values compared, in words.
diff-value-none = —
diff-value-no-step = no step
diff-value-routine-itself = the routine itself
diff-value-copy-to = copy to { $name }
diff-value-route-if = if { $condition } → { $step }
diff-value-route = → { $step }
diff-value-optional-field = { $field } (optional)
diff-value-after = after { $duration }
diff-value-from = { $when } from { $field }
diff-value-if = { $when } if { $condition }
diff-value-every = every { $duration }
diff-value-every-times = every { $duration }, at most { $times } times
diff-value-message = { $template } to { $recipients }
diff-value-aspect = { $aspect } { $value }
diff-value-everyone = everyone
diff-value-only = only { $roles }
diff-value-required = required
diff-value-optional = optional
diff-value-seen-by = { $type }, seen by { $visibility }
diff-value-template-old = { $name } (old)
diff-value-template-new = { $name } (new)
diff-value-case-ends = the case ends ({ $outcome })
