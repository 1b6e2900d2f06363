//! `rutin check --coverage`: which step, deadline or schedule cites each
//! clause of the source documents. A clause nothing cites is a part of the
//! written routine that the executable one does not do.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rutin::model::Routine;

/// One clause and what cites it.
#[derive(Debug, serde::Serialize)]
pub(crate) struct ClauseCoverage {
    /// The folder of the routines (one municipality).
    pub(crate) folder: String,
    pub(crate) clause: String,
    pub(crate) text: String,
    /// `routine:step`, `routine:step/deadline`, `routine:deadline`, `routine:schedule`.
    pub(crate) cited_by: Vec<String>,
}

/// Coverage of the clauses of every routine, grouped by folder: a clause
/// listed by several routines of one folder is one clause.
pub(crate) fn coverage(routines: &[Routine]) -> Vec<ClauseCoverage> {
    let mut table: BTreeMap<(String, String), ClauseCoverage> = BTreeMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    let folder_of = |r: &Routine| {
        r.meta
            .path
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default()
            .display()
            .to_string()
    };
    for routine in routines {
        let folder = folder_of(routine);
        for clause in &routine.clauses {
            let key = (folder.clone(), clause.id.clone());
            if let std::collections::btree_map::Entry::Vacant(slot) = table.entry(key.clone()) {
                order.push(key);
                slot.insert(ClauseCoverage {
                    folder: folder.clone(),
                    clause: clause.id.clone(),
                    text: clause.text.clone(),
                    cited_by: Vec::new(),
                });
            }
        }
    }
    for routine in routines {
        let folder = folder_of(routine);
        let id = &routine.meta.id;
        let mut cite = |clauses: &[String], by: String| {
            for c in clauses {
                if let Some(entry) = table.get_mut(&(folder.clone(), c.clone())) {
                    entry.cited_by.push(by.clone());
                }
            }
        };
        for step in &routine.steps {
            cite(&step.source, format!("{id}:{}", step.id));
            for d in &step.deadlines {
                cite(&d.source, format!("{id}:{}/{}", step.id, d.id));
            }
        }
        for d in &routine.deadlines {
            cite(&d.source, format!("{id}:deadline {}", d.id));
        }
        for s in &routine.schedules {
            cite(&s.source, format!("{id}:schedule {}", s.id));
        }
    }
    order.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| natural(&a.1).cmp(&natural(&b.1)))
    });
    order.into_iter().filter_map(|k| table.remove(&k)).collect()
}

/// Sort key so that A2 comes before A10.
fn natural(id: &str) -> (String, u64) {
    let split = id.find(|c: char| c.is_ascii_digit()).unwrap_or(id.len());
    let (prefix, number) = id.split_at(split);
    (prefix.to_owned(), number.parse().unwrap_or(0))
}

/// The report as text: one line per clause.
pub(crate) fn render(rows: &[ClauseCoverage]) -> String {
    let mut out = String::new();
    let mut folder = None;
    for row in rows {
        if folder != Some(&row.folder) {
            out.push_str(&format!("{}\n", row.folder));
            folder = Some(&row.folder);
        }
        let cited = if row.cited_by.is_empty() {
            crate::output::text("coverage-not-covered", &[])
        } else {
            row.cited_by.join(", ")
        };
        out.push_str(&format!("  {:<4} {}\n", row.clause, cited));
    }
    let uncovered = rows.iter().filter(|r| r.cited_by.is_empty()).count();
    let counts = [
        ("clauses", rows.len().to_string().into()),
        ("covered", (rows.len() - uncovered).to_string().into()),
        ("uncovered", uncovered.to_string().into()),
    ];
    let summary = crate::output::text("coverage-summary", &counts);
    out.push_str(&format!("{summary}\n"));
    out
}
