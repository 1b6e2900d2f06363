//! Mermaid flowchart: role subgraphs, shapes by step kind, dashed (`-.->`)
//! deadline edges, colours by `classDef`.

use std::fmt::Write as _;

use super::picture::{Edge, EdgeKind, Node, Picture, Shape};

/// A Mermaid double-quoted label: characters Mermaid would read as syntax
/// (quotes, `#`, `<`, `>`, `&`, `|`, backticks) as entity codes, line breaks
/// as `<br/>`.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br/>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn node(out: &mut String, indent: &str, node: &Node) {
    let label = quote(&node.label);
    let (open, close) = match node.shape {
        Shape::Start => ("((", "))"),
        Shape::Task => ("(", ")"),
        Shape::Decision => ("{", "}"),
        Shape::Message => (">", "]"),
        Shape::Event => ("{{", "}}"),
        Shape::Wait => ("([", "])"),
        Shape::Parallel | Shape::Join => ("[", "]"),
        Shape::End => ("(((", ")))"),
        Shape::Note => ("[/", "/]"),
        Shape::CaseEvent => ("{{", "}}"),
    };
    let _ = writeln!(out, "{indent}{}{open}{label}{close}", node.key);
}

fn edge(out: &mut String, edge: &Edge) {
    let arrow = if edge.dashed { "-.->" } else { "-->" };
    let label = edge
        .label
        .as_ref()
        .map(|l| format!("|{}|", quote(l)))
        .unwrap_or_default();
    let _ = writeln!(out, "  {} {arrow}{label} {}", edge.from, edge.to);
}

/// The picture as a Mermaid flowchart, top to bottom, with the caption as its title.
pub(crate) fn render(picture: &Picture) -> String {
    let mut out = String::new();
    // Front matter is YAML; a JSON string is a valid YAML double-quoted scalar.
    let title = serde_json::to_string(&picture.caption).unwrap_or_else(|_| "\"\"".to_owned());
    let _ = writeln!(out, "---\ntitle: {title}\n---");
    out.push_str("flowchart TD\n");
    for cluster in &picture.clusters {
        let _ = writeln!(out, "  subgraph {}[{}]", cluster.key, quote(&cluster.name));
        for &i in &cluster.nodes {
            if let Some(n) = picture.nodes.get(i) {
                node(&mut out, "    ", n);
            }
        }
        out.push_str("  end\n");
    }
    for i in picture.loose_nodes() {
        if let Some(n) = picture.nodes.get(i) {
            node(&mut out, "  ", n);
        }
    }
    for e in &picture.edges {
        edge(&mut out, e);
    }
    for (kind, style) in [
        (EdgeKind::Deadline, "stroke:#a16207,color:#a16207"),
        (EdgeKind::Interrupt, "stroke:#7e22ce,color:#7e22ce"),
    ] {
        let edges: Vec<String> = picture
            .edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .map(|(i, _)| i.to_string())
            .collect();
        if !edges.is_empty() {
            let _ = writeln!(out, "  linkStyle {} {style}", edges.join(","));
        }
    }
    for shape in Shape::ALL {
        let members: Vec<&str> = picture
            .nodes
            .iter()
            .filter(|n| n.shape == shape)
            .map(|n| n.key.as_str())
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  classDef {} fill:{},stroke:{},color:{}",
            shape.class(),
            shape.fill(),
            shape.stroke(),
            shape.font()
        );
        let _ = writeln!(out, "  class {} {}", members.join(","), shape.class());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_use_entity_codes() {
        assert_eq!(
            quote("a \"b\" #1 <x> & y|z\nw"),
            "\"a #quot;b#quot; #35;1 #lt;x#gt; #amp; y#124;z<br/>w\""
        );
    }
}
