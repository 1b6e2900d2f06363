//! The book as one self-contained HTML page: inline CSS (with print CSS for
//! A4) and the diagram as inline SVG; no scripts, nothing fetched.

use std::fmt::Write;

use super::doc::{paragraphs, Book, Inline, Line, StepEntry};
use super::text;

const STYLE: &str = include_str!("style.css");

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn line(l: &Line) -> String {
    l.iter()
        .map(|i| match i {
            Inline::Text(t) => esc(t),
            Inline::Code(c) => format!("<code>{}</code>", esc(c)),
        })
        .collect()
}

fn prose(o: &mut String, s: &str) {
    for p in paragraphs(s) {
        let _ = writeln!(o, "<p>{}</p>", esc(&p));
    }
}

fn labelled(o: &mut String, label: &str, value: &str) {
    let _ = writeln!(
        o,
        "<li><span class=\"label\">{}:</span> {value}</li>",
        esc(label)
    );
}

/// Writes the page.
pub(crate) fn render(book: &Book) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>",
        book.lang.code(),
        esc(&book.header.title)
    );
    header(&mut o, book);
    roles(&mut o, book);
    procedure(&mut o, book);
    if let Some(svg) = &book.diagram {
        let _ = writeln!(
            o,
            "<h2>{}</h2>\n<figure class=\"diagram\">",
            text::l(text::DIAGRAM)
        );
        o.push_str(svg_body(svg));
        let _ = writeln!(o, "</figure>");
    }
    events(&mut o, book);
    deadlines(&mut o, book);
    messages(&mut o, book);
    choices(&mut o, book);
    trace(&mut o, book);
    let _ = writeln!(
        o,
        "<footer>{}</footer>\n</main>\n</body>\n</html>",
        esc(&text::l(text::GENERATED))
    );
    o
}

/// The `<svg>` element of an SVG document (without an XML declaration).
fn svg_body(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |at| &svg[at..])
}

fn header(o: &mut String, book: &Book) {
    let h = &book.header;
    let _ = writeln!(o, "<header>");
    if let Some(org) = &h.organisation {
        let _ = writeln!(o, "<p class=\"organisation\">{}</p>", esc(org));
    }
    let _ = writeln!(
        o,
        "<p class=\"kind\">{}</p>\n<h1>{}</h1>",
        text::l(text::ROUTINE),
        esc(&h.title)
    );
    let _ = writeln!(o, "<table class=\"facts\">");
    for (label, value) in &h.facts {
        let _ = writeln!(o, "<tr><th>{}</th><td>{}</td></tr>", esc(label), esc(value));
    }
    let _ = writeln!(o, "</table>\n</header>");
    if let Some(intro) = &book.introduction {
        let _ = writeln!(o, "<h2>{}</h2>", text::l(text::INTRODUCTION));
        prose(o, intro);
    }
}

fn roles(o: &mut String, book: &Book) {
    let _ = writeln!(o, "<h2>{}</h2>", text::l(text::ROLES));
    for r in &book.roles {
        let _ = writeln!(o, "<section class=\"role\">\n<h3>{}</h3>", esc(&r.name));
        if let Some(d) = &r.description {
            prose(o, d);
        }
        let _ = writeln!(o, "<ul>");
        for d in &r.duties {
            let _ = writeln!(o, "<li>{}</li>", esc(d));
        }
        let _ = writeln!(o, "</ul>");
        if !r.groups.is_empty() {
            let _ = writeln!(
                o,
                "<p class=\"meta\">{}: {}.</p>",
                text::l(text::GROUPS_OF_ROLE),
                esc(&r.groups.join(", "))
            );
        }
        let _ = writeln!(o, "</section>");
    }
    if !book.groups.is_empty() {
        let _ = writeln!(o, "<h3>{}</h3>\n<ul>", text::l(text::GROUPS));
        for g in &book.groups {
            let _ = writeln!(
                o,
                "<li><span class=\"label\">{}:</span> {}</li>",
                esc(&g.name),
                esc(&g.details.join(" "))
            );
        }
        let _ = writeln!(o, "</ul>");
    }
}

fn procedure(o: &mut String, book: &Book) {
    let _ = writeln!(o, "<h2>{}</h2>", text::l(text::PROCEDURE));
    for p in &book.phases {
        let _ = writeln!(o, "<section class=\"phase\">\n<h3>{}</h3>", esc(&p.title));
        if let Some(n) = &p.note {
            let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(n));
        }
        for s in &p.steps {
            step(o, s);
        }
        let _ = writeln!(o, "</section>");
    }
}

fn step(o: &mut String, s: &StepEntry) {
    let _ = writeln!(
        o,
        "<article class=\"step\" id=\"steg-{}\">\n<h4><span class=\"number\">{}.</span> {}</h4>",
        s.number,
        s.number,
        esc(&s.title)
    );
    if let Some(r) = &s.responsible {
        let _ = writeln!(
            o,
            "<p class=\"meta\"><span class=\"label\">{}:</span> {}</p>",
            text::l(text::RESPONSIBLE),
            esc(r)
        );
    }
    for l in &s.lines {
        let _ = writeln!(o, "<p>{}</p>", line(l));
    }
    if let Some(i) = &s.instructions {
        prose(o, i);
    }
    if !s.lists.is_empty() || !s.ways.is_empty() {
        let _ = writeln!(o, "<ul>");
        for (label, items) in &s.lists {
            labelled(o, label, &esc(&items.join(", ")));
        }
        for w in &s.ways {
            let c = w.condition.as_ref().map(line).unwrap_or_default();
            let _ = writeln!(
                o,
                "<li><span class=\"label\">{c}:</span> {}.</li>",
                esc(&w.to)
            );
        }
        let _ = writeln!(o, "</ul>");
    }
    if let Some(n) = &s.next {
        let _ = writeln!(o, "<p class=\"meta\">{}</p>", esc(n));
    }
    if !s.source.is_empty() {
        let _ = writeln!(
            o,
            "<p class=\"meta\">{}: {}</p>",
            text::l(text::SOURCE),
            esc(&s.source.join(", "))
        );
    }
    let _ = writeln!(o, "</article>");
}

fn events(o: &mut String, book: &Book) {
    if book.events.is_empty() {
        return;
    }
    let _ = writeln!(o, "<h2>{}</h2>", text::l(text::EVENTS));
    let _ = writeln!(o, "<p>{}</p>", text::l(text::EVENTS_INTRO));
    for e in &book.events {
        let _ = writeln!(
            o,
            "<article class=\"deadline\">\n<h4>{}</h4>\n<ul>",
            esc(&e.title)
        );
        for (label, items) in &e.lists {
            labelled(o, label, &esc(&items.join(", ")));
        }
        let _ = writeln!(o, "</ul>");
        if !e.source.is_empty() {
            let _ = writeln!(
                o,
                "<p class=\"meta\">{}: {}</p>",
                text::l(text::SOURCE),
                esc(&e.source.join(", "))
            );
        }
        let _ = writeln!(o, "</article>");
    }
}

fn deadlines(o: &mut String, book: &Book) {
    let _ = writeln!(o, "<h2>{}</h2>", text::l(text::DEADLINES));
    if book.deadlines.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", text::l(text::NO_DEADLINES));
    }
    for d in &book.deadlines {
        let _ = writeln!(
            o,
            "<article class=\"deadline\" id=\"frist-{}\">\n<h4>{}: {}</h4>\n<ul>",
            d.number,
            text::deadline_label(d.number),
            esc(&d.when)
        );
        labelled(o, &text::l(text::DEADLINE_ON), &esc(&d.on));
        if let Some(c) = &d.condition {
            let _ = writeln!(
                o,
                "<li>{}</li>",
                esc(&text::only_if(&super::build::plain(c)))
            );
        }
        labelled(o, &text::l(text::WHEN_PASSED), &esc(&d.actions.join(" ")));
        let _ = writeln!(o, "</ul>");
        if !d.source.is_empty() {
            let _ = writeln!(
                o,
                "<p class=\"meta\">{}: {}</p>",
                text::l(text::SOURCE),
                esc(&d.source.join(", "))
            );
        }
        let _ = writeln!(o, "</article>");
    }
}

fn messages(o: &mut String, book: &Book) {
    let _ = writeln!(o, "<h2>{}</h2>", text::l(text::MESSAGES));
    if book.messages.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", text::l(text::NO_MESSAGES));
    } else {
        let _ = writeln!(
            o,
            "<p class=\"note\">{}</p>",
            esc(&text::l(text::TEMPLATE_LEGEND))
        );
    }
    for m in &book.messages {
        let subject = m.subject.clone().unwrap_or_else(|| m.sent.clone());
        let _ = writeln!(
            o,
            "<article class=\"message\" id=\"meddelande-{}\">\n<h4>M{}: {}</h4>\n<ul>",
            m.number,
            m.number,
            esc(&subject)
        );
        labelled(o, &text::l(text::SENT), &esc(&m.sent));
        if let Some(from) = &m.from {
            labelled(o, &text::l(text::FROM), &esc(from));
        }
        let list = |l: &[Line]| l.iter().map(line).collect::<Vec<_>>().join(", ");
        labelled(o, &text::l(text::TO), &list(&m.to));
        if !m.cc.is_empty() {
            labelled(o, &text::l(text::CC), &list(&m.cc));
        }
        if !m.left_out.is_empty() {
            labelled(o, &text::l(text::LEFT_OUT), &esc(&m.left_out.join(", ")));
        }
        let _ = writeln!(
            o,
            "</ul>\n<div class=\"body\">{}</div>\n</article>",
            esc(&m.body)
        );
    }
    if book.schedules.is_empty() {
        return;
    }
    let _ = writeln!(o, "<h2>{}</h2>", text::l(text::SCHEDULES));
    for s in &book.schedules {
        let _ = writeln!(
            o,
            "<article class=\"message\">\n<h4>{}</h4>\n<ul>",
            esc(&s.title)
        );
        labelled(o, &text::l(text::EVERY), &esc(&s.every));
        labelled(o, &text::l(text::SELECTS), &line(&s.select));
        labelled(o, &text::l(text::SENT), &esc(&text::message_ref(s.message)));
        let _ = writeln!(o, "</ul>");
        if !s.source.is_empty() {
            let _ = writeln!(
                o,
                "<p class=\"meta\">{}: {}</p>",
                text::l(text::SOURCE),
                esc(&s.source.join(", "))
            );
        }
        let _ = writeln!(o, "</article>");
    }
}

fn choices(o: &mut String, book: &Book) {
    let _ = writeln!(o, "<h2>{}</h2>", text::l(text::LOCAL_CHOICES));
    if book.local_choices.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", text::l(text::NO_LOCAL_CHOICES));
        return;
    }
    let _ = writeln!(o, "<p>{}</p>", text::l(text::LOCAL_CHOICES_INTRO));
    for c in &book.local_choices {
        let _ = writeln!(
            o,
            "<div class=\"choice\"><span class=\"label\">{}:</span> {}</div>",
            esc(&c.place),
            esc(&paragraphs(&c.text).join(" "))
        );
    }
}

fn trace(o: &mut String, book: &Book) {
    if book.clauses.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<p>{}</p>\n<table class=\"trace\">\n<colgroup><col class=\"id\"><col><col class=\"where\"></colgroup>\n\
         <thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        text::l(text::TRACE),
        text::l(text::TRACE_INTRO),
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
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.id),
            esc(&c.text),
            esc(&places)
        );
    }
    let _ = writeln!(o, "</tbody>\n</table>");
}
