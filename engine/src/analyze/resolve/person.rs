//! A person as recipient: name and mail address read from case fields, the
//! visibility of a named role. Both fields must be text fields, and set
//! whenever the message can go: required at the start, or guarded by the
//! recipient's own `when:` (`when: regular_assessor_email`, or
//! `… is not none`, alone or in an `and`). Anything else would fail a case.

use minijinja::machinery::ast::{self, Expr};

use crate::analyze::scope::Scope;
use crate::diagnostic::{Phrase, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{FieldType, PersonTarget, RecipientTarget};

/// Resolves `person:`; `when` is the recipient's condition, if any.
pub(super) fn person(
    scope: &mut Scope,
    sink: &mut Sink,
    p: &raw::Person,
    when: Option<&Sp<String>>,
) -> Option<RecipientTarget> {
    let name = p
        .name
        .as_ref()
        .and_then(|f| person_field(scope, sink, f, when));
    let address = p
        .address
        .as_ref()
        .and_then(|f| person_field(scope, sink, f, when));
    let sees_as = p.sees_as.as_ref().and_then(|r| scope.role(sink, r));
    Some(RecipientTarget::Person(PersonTarget {
        name: name?,
        address: address?,
        sees_as: sees_as?,
    }))
}

/// One of the person's fields: declared, of type text, set when it is read.
fn person_field(
    scope: &mut Scope,
    sink: &mut Sink,
    field: &Sp<String>,
    when: Option<&Sp<String>>,
) -> Option<String> {
    let id = scope.field(sink, field)?;
    match scope.field_type(&id) {
        Some(FieldType::Text) => {}
        other => {
            let ty = other.map_or_else(|| Phrase::new("type-unknown"), FieldType::phrase);
            sink.error(
                field.span,
                Problem::BadRecipient {
                    message: Phrase::named("person-not-text", &id).with("type", ty),
                    fix: Phrase::named("person-not-text-fix", &id),
                },
            );
            return None;
        }
    }
    let required = scope.fields.iter().any(|f| f.id == id && f.required);
    if !required && !when.is_some_and(|w| guards(&w.value, &id)) {
        sink.error(
            field.span,
            Problem::BadRecipient {
                message: Phrase::named("person-may-be-unset", &id),
                fix: Phrase::named("person-may-be-unset-fix", &id),
            },
        );
        return None;
    }
    Some(id)
}

/// Whether the condition `when` holds only when `field` is set.
pub(crate) fn guards(when: &str, field: &str) -> bool {
    minijinja::machinery::parse_expr(when).is_ok_and(|tree| guarded(&tree, field))
}

fn guarded(e: &Expr<'_>, field: &str) -> bool {
    let is_field = |e: &Expr<'_>| matches!(e, Expr::Var(v) if v.id == field);
    match e {
        Expr::Var(_) => is_field(e),
        Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOpKind::Not) => {
            matches!(&u.expr, Expr::Test(t) if t.name == "none" && is_field(&t.expr))
        }
        Expr::BinOp(b) if matches!(b.op, ast::BinOpKind::ScAnd) => {
            guarded(&b.left, field) || guarded(&b.right, field)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::guards;

    #[test]
    fn a_condition_guards_a_field_only_when_it_holds_only_for_a_set_field() {
        assert!(guards("email", "email"));
        assert!(guards("email is not none", "email"));
        assert!(guards("ok and email is not none", "email"));
        assert!(guards("(email) and ok", "email"));
        assert!(!guards("email is none", "email"));
        assert!(!guards("ok or email", "email"));
        assert!(!guards("not email", "email"));
        assert!(!guards("other is not none", "email"));
        assert!(!guards("email == 'x'", "email"));
        assert!(!guards("(", "email"));
    }
}
