//! The book as CommonMark (tables as GitHub writes them), for any forge.

use std::fmt::Write;

use super::doc::{Book, Inline, Line, StepEntry};
use super::text;

/// Escapes what Markdown would read as markup.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '`' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn line(l: &Line) -> String {
    l.iter()
        .map(|i| match i {
            Inline::Text(t) => esc(t),
            Inline::Code(c) => format!("`{}`", c.replace('`', "'")),
        })
        .collect()
}

/// A multi-line text as paragraphs that keep their line breaks, each line
/// after `prefix` ("> " for a quote).
fn paragraph(s: &str, prefix: &str) -> String {
    let blocks: Vec<String> = s
        .trim()
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| format!("{prefix}{}", esc(l.trim_end())))
                .collect::<Vec<_>>()
                .join("  \n")
        })
        .filter(|b| !b.is_empty())
        .collect();
    blocks.join(&format!("\n{}\n", prefix.trim_end()))
}

/// Wrapped prose (descriptions, instructions) as reflowed paragraphs.
fn prose(s: &str) -> String {
    super::doc::paragraphs(s)
        .iter()
        .map(|p| esc(p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Writes the book; `diagram` is where the SVG file is, relative to the
/// Markdown file (Markdown cannot hold it inline on every forge).
pub(crate) fn render(book: &Book, diagram: Option<&str>) -> String {
    let mut o = String::new();
    header(&mut o, book);
    roles(&mut o, book);
    procedure(&mut o, book);
    if let Some(path) = diagram {
        let _ = writeln!(
            o,
            "## {}\n\n![{}]({path})\n",
            text::l(text::DIAGRAM),
            text::l(text::DIAGRAM)
        );
    }
    events(&mut o, book);
    deadlines(&mut o, book);
    messages(&mut o, book);
    choices_and_trace(&mut o, book);
    let _ = writeln!(o, "---\n\n*{}*", esc(&text::l(text::GENERATED)));
    o
}

fn header(o: &mut String, book: &Book) {
    let h = &book.header;
    if let Some(org) = &h.organisation {
        let _ = writeln!(o, "{}\n", esc(org));
    }
    let _ = writeln!(o, "# {}\n", esc(&h.title));
    let _ = writeln!(o, "| {} | |\n|---|---|", text::l(text::ROUTINE));
    for (label, value) in &h.facts {
        let _ = writeln!(o, "| {label} | {} |", esc(value));
    }
    o.push('\n');
    if let Some(intro) = &book.introduction {
        let _ = writeln!(
            o,
            "## {}\n\n{}\n",
            text::l(text::INTRODUCTION),
            prose(intro)
        );
    }
}

fn roles(o: &mut String, book: &Book) {
    let _ = writeln!(o, "## {}\n", text::l(text::ROLES));
    for r in &book.roles {
        let _ = writeln!(o, "### {}\n", esc(&r.name));
        if let Some(d) = &r.description {
            let _ = writeln!(o, "{}\n", prose(d));
        }
        for d in &r.duties {
            let _ = writeln!(o, "- {}", esc(d));
        }
        o.push('\n');
        if !r.groups.is_empty() {
            let _ = writeln!(
                o,
                "{}: {}.\n",
                text::l(text::GROUPS_OF_ROLE),
                esc(&r.groups.join(", "))
            );
        }
    }
    if !book.groups.is_empty() {
        let _ = writeln!(o, "### {}\n", text::l(text::GROUPS));
        for g in &book.groups {
            let _ = writeln!(o, "- **{}**: {}", esc(&g.name), esc(&g.details.join(" ")));
        }
        o.push('\n');
    }
}

fn procedure(o: &mut String, book: &Book) {
    let _ = writeln!(o, "## {}\n", text::l(text::PROCEDURE));
    for p in &book.phases {
        let _ = writeln!(o, "### {}\n", esc(&p.title));
        if let Some(n) = &p.note {
            let _ = writeln!(o, "*{}*\n", esc(n));
        }
        for s in &p.steps {
            step(o, s);
        }
    }
}

fn step(o: &mut String, s: &StepEntry) {
    let _ = writeln!(o, "#### {}. {}\n", s.number, esc(&s.title));
    if let Some(r) = &s.responsible {
        let _ = writeln!(o, "**{}:** {}\n", text::l(text::RESPONSIBLE), esc(r));
    }
    for l in &s.lines {
        let _ = writeln!(o, "{}\n", line(l));
    }
    if let Some(i) = &s.instructions {
        let _ = writeln!(o, "{}\n", prose(i));
    }
    for (label, items) in &s.lists {
        let _ = writeln!(o, "- **{label}:** {}", esc(&items.join(", ")));
    }
    if !s.lists.is_empty() {
        o.push('\n');
    }
    if !s.ways.is_empty() {
        let _ = writeln!(o, "**{}:**\n", text::l(text::WAYS));
        for w in &s.ways {
            let c = w.condition.as_ref().map(line).unwrap_or_default();
            let _ = writeln!(o, "- {c}: {}.", esc(&w.to));
        }
        o.push('\n');
    }
    if let Some(n) = &s.next {
        let _ = writeln!(o, "{}\n", esc(n));
    }
    if !s.source.is_empty() {
        let _ = writeln!(
            o,
            "*{}: {}*\n",
            text::l(text::SOURCE),
            esc(&s.source.join(", "))
        );
    }
}

fn events(o: &mut String, book: &Book) {
    if book.events.is_empty() {
        return;
    }
    let _ = writeln!(o, "## {}\n", text::l(text::EVENTS));
    let _ = writeln!(o, "{}\n", text::l(text::EVENTS_INTRO));
    for e in &book.events {
        let _ = writeln!(o, "### {}\n", esc(&e.title));
        for (label, items) in &e.lists {
            let _ = writeln!(o, "- **{label}:** {}", esc(&items.join(", ")));
        }
        if !e.source.is_empty() {
            let _ = writeln!(
                o,
                "- *{}: {}*",
                text::l(text::SOURCE),
                esc(&e.source.join(", "))
            );
        }
        o.push('\n');
    }
}

fn deadlines(o: &mut String, book: &Book) {
    let _ = writeln!(o, "## {}\n", text::l(text::DEADLINES));
    if book.deadlines.is_empty() {
        let _ = writeln!(o, "{}\n", text::l(text::NO_DEADLINES));
    }
    for d in &book.deadlines {
        let _ = writeln!(
            o,
            "### {}: {}\n",
            text::deadline_label(d.number),
            esc(&d.when)
        );
        let _ = writeln!(o, "- **{}:** {}", text::l(text::DEADLINE_ON), esc(&d.on));
        if let Some(c) = &d.condition {
            let _ = writeln!(o, "- {}", esc(&text::only_if(&super::build::plain(c))));
        }
        let _ = writeln!(
            o,
            "- **{}:** {}",
            text::l(text::WHEN_PASSED),
            esc(&d.actions.join(" "))
        );
        if !d.source.is_empty() {
            let _ = writeln!(
                o,
                "- *{}: {}*",
                text::l(text::SOURCE),
                esc(&d.source.join(", "))
            );
        }
        o.push('\n');
    }
}

fn messages(o: &mut String, book: &Book) {
    let _ = writeln!(o, "## {}\n", text::l(text::MESSAGES));
    if book.messages.is_empty() {
        let _ = writeln!(o, "{}\n", text::l(text::NO_MESSAGES));
    } else {
        let _ = writeln!(o, "*{}*\n", esc(&text::l(text::TEMPLATE_LEGEND)));
    }
    for m in &book.messages {
        let title = m.subject.clone().unwrap_or_else(|| m.sent.clone());
        let _ = writeln!(o, "### M{}: {}\n", m.number, esc(&title));
        let _ = writeln!(o, "- **{}:** {}", text::l(text::SENT), esc(&m.sent));
        if let Some(from) = &m.from {
            let _ = writeln!(o, "- **{}:** {}", text::l(text::FROM), esc(from));
        }
        let list = |l: &[Line]| l.iter().map(line).collect::<Vec<_>>().join(", ");
        let _ = writeln!(o, "- **{}:** {}", text::l(text::TO), list(&m.to));
        if !m.cc.is_empty() {
            let _ = writeln!(o, "- **{}:** {}", text::l(text::CC), list(&m.cc));
        }
        if !m.left_out.is_empty() {
            let _ = writeln!(
                o,
                "- **{}:** {}",
                text::l(text::LEFT_OUT),
                esc(&m.left_out.join(", "))
            );
        }
        let _ = writeln!(o, "\n{}\n", paragraph(&m.body, "> "));
    }
    if !book.schedules.is_empty() {
        let _ = writeln!(o, "## {}\n", text::l(text::SCHEDULES));
        for s in &book.schedules {
            let _ = writeln!(o, "### {}\n", esc(&s.title));
            let _ = writeln!(o, "- **{}:** {}", text::l(text::EVERY), esc(&s.every));
            let _ = writeln!(o, "- **{}:** {}", text::l(text::SELECTS), line(&s.select));
            let _ = writeln!(
                o,
                "- **{}:** {}",
                text::l(text::SENT),
                esc(&text::message_ref(s.message))
            );
            if !s.source.is_empty() {
                let _ = writeln!(
                    o,
                    "- *{}: {}*",
                    text::l(text::SOURCE),
                    esc(&s.source.join(", "))
                );
            }
            o.push('\n');
        }
    }
}

fn choices_and_trace(o: &mut String, book: &Book) {
    let _ = writeln!(o, "## {}\n", text::l(text::LOCAL_CHOICES));
    if book.local_choices.is_empty() {
        let _ = writeln!(o, "{}\n", text::l(text::NO_LOCAL_CHOICES));
    } else {
        let _ = writeln!(o, "{}\n", text::l(text::LOCAL_CHOICES_INTRO));
    }
    for c in &book.local_choices {
        let _ = writeln!(o, "- **{}:** {}", esc(&c.place), prose(&c.text));
    }
    if !book.local_choices.is_empty() {
        o.push('\n');
    }
    if book.clauses.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "## {}\n\n{}\n",
        text::l(text::TRACE),
        text::l(text::TRACE_INTRO)
    );
    let _ = writeln!(
        o,
        "| {} | {} | {} |\n|---|---|---|",
        text::l(text::TABLE_CLAUSE),
        text::l(text::TABLE_TEXT),
        text::l(text::TABLE_WHERE)
    );
    for c in &book.clauses {
        let places = if c.places.is_empty() {
            text::l(text::NOT_DONE)
        } else {
            c.places.join("; ")
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            esc(&c.id),
            esc(&c.text),
            esc(&places)
        );
    }
    o.push('\n');
}
