//! Walking a template's statements (minijinja's parser): every expression
//! is checked as in a condition, and inside an `{% if %}` the fields its test
//! reads count as tested, so `{% if install_date %}{{ install_date | date }}{% endif %}`
//! passes while a bare `{{ install_date | date }}` on a field that may be
//! unset does not.

use minijinja::machinery::ast::Stmt;

use super::walk::Walk;

impl Walk<'_, '_> {
    /// Checks every statement in `body`.
    pub(super) fn statements(&mut self, body: &[Stmt<'_>]) {
        for stmt in body {
            self.statement(stmt);
        }
    }

    fn statement(&mut self, stmt: &Stmt<'_>) {
        match stmt {
            Stmt::Template(t) => self.statements(&t.children),
            Stmt::EmitExpr(e) => self.expr(&e.expr),
            Stmt::ForLoop(f) => {
                self.expr(&f.iter);
                if let Some(filter) = &f.filter_expr {
                    self.expr(filter);
                }
                self.statements(&f.body);
                self.statements(&f.else_body);
            }
            Stmt::IfCond(i) => {
                self.expr(&i.expr);
                self.guarded_by(&i.expr, |w| {
                    w.statements(&i.true_body);
                    w.statements(&i.false_body);
                });
            }
            Stmt::WithBlock(w) => {
                for (_, value) in &w.assignments {
                    self.expr(value);
                }
                self.statements(&w.body);
            }
            Stmt::Set(s) => self.expr(&s.expr),
            Stmt::SetBlock(s) => self.statements(&s.body),
            Stmt::AutoEscape(a) => self.statements(&a.body),
            Stmt::FilterBlock(f) => self.statements(&f.body),
            Stmt::Block(b) => self.statements(&b.body),
            Stmt::Macro(m) => self.statements(&m.body),
            Stmt::CallBlock(c) => self.statements(&c.macro_decl.body),
            _ => {}
        }
    }
}
