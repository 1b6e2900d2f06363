//! The shape of the step graph, checked with petgraph: every step reachable,
//! an end reachable from every step, no loop of automatic steps only, every
//! branch of a parallel step reaching its join.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::algo::tarjan_scc;
use petgraph::graphmap::DiGraphMap;
use petgraph::visit::{Bfs, Reversed, Walker};

use crate::diagnostic::{Phrase, Problem, Sink};
use crate::model::{CaseEvent, Deadline, Interrupt, Step, StepKind};
use crate::source::Span;

/// How one step leads to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// `next`, a route, or a parallel step's branch: taken without waiting
    /// when the source is automatic.
    Flow,
    /// A parallel step to its join (the branches meet there).
    Join,
    /// A deadline's `goto` (needs time to pass).
    Deadline,
}

/// The step graph and what the checks over it need.
struct Cx<'a> {
    graph: DiGraphMap<&'a str, Edge>,
    steps: &'a [Step],
    case_deadlines: &'a [Deadline],
    /// The steps case-wide events go to: entries from anywhere.
    event_targets: Vec<&'a str>,
    start: &'a str,
    spans: &'a BTreeMap<String, Span>,
}

impl Cx<'_> {
    fn span_of(&self, id: &str) -> Span {
        self.spans.get(id).copied().unwrap_or_default()
    }
}

pub(super) fn check(
    sink: &mut Sink,
    steps: &[Step],
    case_deadlines: &[Deadline],
    events: &[CaseEvent],
    start: &str,
    spans: &BTreeMap<String, Span>,
) {
    let event_targets = events
        .iter()
        .filter_map(|e| match &e.then {
            Interrupt::Goto(step) => Some(step.as_str()),
            Interrupt::End(_) => None,
        })
        .collect();
    let cx = Cx {
        graph: build(steps),
        steps,
        case_deadlines,
        event_targets,
        start,
        spans,
    };
    let reachable = reachable(&cx, sink);
    no_way_to_end(&cx, sink, &reachable);
    automatic_cycles(&cx, sink);
    let (joins_named, regions) = parallels(&cx, sink);
    gotos(&cx, sink, &regions);
    orphan_joins(&cx, sink, &joins_named);
}

fn build(steps: &[Step]) -> DiGraphMap<&str, Edge> {
    let mut graph: DiGraphMap<&str, Edge> = DiGraphMap::new();
    for step in steps {
        graph.add_node(&step.id);
    }
    for step in steps {
        for route in &step.routes {
            graph.add_edge(&step.id, &route.to, Edge::Flow);
        }
        if let StepKind::Parallel { branches, join } = &step.kind {
            for b in branches {
                graph.add_edge(&step.id, b, Edge::Flow);
            }
            // A graph map holds one edge per pair: a flow edge (a branch
            // starting at the join itself) must not be replaced by a weaker one.
            if !join.is_empty() && !graph.contains_edge(&step.id, join) {
                graph.add_edge(&step.id, join, Edge::Join);
            }
        }
        for d in &step.deadlines {
            if let Some(to) = &d.goto {
                if !graph.contains_edge(&step.id, to) {
                    graph.add_edge(&step.id, to, Edge::Deadline);
                }
            }
        }
    }
    graph
}

/// Reports steps that cannot be reached; returns the ones that can.
fn reachable<'a>(cx: &Cx<'a>, sink: &mut Sink) -> BTreeSet<&'a str> {
    let (graph, steps, start) = (&cx.graph, cx.steps, cx.start);
    // Reachable from the start (case-level deadline targets count as entries).
    let mut reachable: BTreeSet<&str> = BTreeSet::new();
    let mut entries: Vec<&str> = vec![start];
    entries.extend(cx.case_deadlines.iter().filter_map(|d| d.goto.as_deref()));
    entries.extend(cx.event_targets.iter().copied());
    for entry in entries {
        if graph.contains_node(entry) {
            reachable.extend(Bfs::new(&graph, entry).iter(&graph));
        }
    }
    for step in steps {
        if !reachable.contains(step.id.as_str()) {
            sink.error(
                cx.span_of(&step.id),
                Problem::Unreachable {
                    step: step.id.clone(),
                    start: start.to_owned(),
                },
            );
        }
    }

    reachable
}

/// The steps an end can be reached from.
fn can_end<'a>(cx: &Cx<'a>) -> BTreeSet<&'a str> {
    let (graph, steps) = (&cx.graph, cx.steps);
    // An end reachable from every step: walk backwards from the ends. Branch
    // edges do not count (a branch finishes at its join, not at an end).
    let mut forward: DiGraphMap<&str, ()> = DiGraphMap::new();
    for (a, b, e) in graph.all_edges() {
        let from_parallel = matches!(
            steps.iter().find(|s| s.id == a).map(|s| &s.kind),
            Some(StepKind::Parallel { .. })
        );
        // Branch edges do not count: a branch finishes at its join.
        let counts = match e {
            Edge::Flow => !from_parallel,
            Edge::Join | Edge::Deadline => true,
        };
        if counts {
            forward.add_edge(a, b, ());
        }
    }
    for step in steps {
        forward.add_node(&step.id);
    }
    let reversed = Reversed(&forward);
    let mut can_end: BTreeSet<&str> = BTreeSet::new();
    for step in steps {
        if matches!(step.kind, StepKind::End { .. }) {
            can_end.extend(Bfs::new(reversed, step.id.as_str()).iter(reversed));
        }
    }
    // A step inside a branch can end if it can reach its join, which can end.
    for step in steps {
        if let StepKind::Parallel { branches, join } = &step.kind {
            if can_end.contains(join.as_str()) {
                for b in branches {
                    let inside = branch_steps(graph, b, join);
                    if inside.contains(join.as_str()) {
                        can_end.extend(inside);
                    }
                }
            }
        }
    }
    can_end
}

fn no_way_to_end(cx: &Cx<'_>, sink: &mut Sink, reachable: &BTreeSet<&str>) {
    let steps = cx.steps;
    let can_end = can_end(cx);
    // A step without a way on is reported as such (a missing `next`); the
    // steps before it would only repeat that as "no end can be reached".
    let dead_end = steps.iter().any(|s| {
        s.routes.is_empty() && !matches!(s.kind, StepKind::End { .. } | StepKind::Parallel { .. })
    });
    let mut unended: Vec<&Step> = steps
        .iter()
        .filter(|s| {
            !dead_end && reachable.contains(s.id.as_str()) && !can_end.contains(s.id.as_str())
        })
        .collect();
    unended.sort_by_key(|s| cx.span_of(&s.id));
    for step in unended {
        sink.error(
            cx.span_of(&step.id),
            Problem::NoWayToEnd {
                step: step.id.clone(),
            },
        );
    }
}

/// Loops of automatic steps only.
fn automatic_cycles(cx: &Cx<'_>, sink: &mut Sink) {
    let (graph, steps) = (&cx.graph, cx.steps);
    let automatic: BTreeSet<&str> = steps
        .iter()
        .filter(|s| s.kind.is_automatic() || matches!(s.kind, StepKind::Join))
        .map(|s| s.id.as_str())
        .collect();
    let mut auto_graph: DiGraphMap<&str, ()> = DiGraphMap::new();
    for (a, b, e) in graph.all_edges() {
        if *e == Edge::Flow && automatic.contains(a) && automatic.contains(b) {
            auto_graph.add_edge(a, b, ());
        }
    }
    let mut cycles = tarjan_scc(&auto_graph);
    cycles.sort();
    for component in cycles {
        let is_cycle = component.len() > 1
            || component
                .first()
                .is_some_and(|n| auto_graph.contains_edge(n, n));
        if is_cycle {
            let mut ordered: Vec<String> = order_cycle(&auto_graph, &component);
            if let Some(first) = ordered.first().cloned() {
                ordered.push(first);
            }
            let at = component
                .iter()
                .map(|s| cx.span_of(s))
                .min()
                .unwrap_or_default();
            sink.error(at, Problem::AutomaticCycle { steps: ordered });
        }
    }
}

/// Parallel branches reach their join; joins belong to one parallel step;
/// a branch never leads back to its own parallel step before the join
/// (the branches would then run twice). Returns each join's parallel step
/// and each parallel step's branch region.
fn parallels<'a>(cx: &Cx<'a>, sink: &mut Sink) -> (BTreeMap<&'a str, &'a str>, Regions<'a>) {
    let steps = cx.steps;
    let mut joins_named: BTreeMap<&str, &str> = BTreeMap::new();
    let mut regions: Vec<(&str, BTreeSet<&str>)> = Vec::new();
    for step in steps {
        let StepKind::Parallel { branches, join } = &step.kind else {
            continue;
        };
        if let Some(first) = joins_named.insert(join, &step.id) {
            sink.error(
                cx.span_of(&step.id),
                Problem::BadStep {
                    message: Phrase::named("join-shared", first)
                        .with("other", &step.id)
                        .with("join", join),
                    fix: Phrase::new("join-shared-fix"),
                },
            );
        }
        if let Some(target) = steps.iter().find(|s| &s.id == join) {
            if !matches!(target.kind, StepKind::Join) {
                sink.error(
                    cx.span_of(&step.id),
                    Problem::BadStep {
                        message: Phrase::named("join-not-a-join", &step.id)
                            .with("join", join)
                            .with("kind", target.kind.name()),
                        fix: Phrase::new("join-not-a-join-fix").with("join", join),
                    },
                );
                continue;
            }
        }
        let region = branch_region(cx, sink, &step.id, branches, join);
        regions.push((step.id.as_str(), region));
    }

    (joins_named, regions)
}

/// The steps inside the branches of the parallel step `parallel`; each
/// branch must reach `join` without leading back to `parallel`.
fn branch_region<'a>(
    cx: &Cx<'a>,
    sink: &mut Sink,
    parallel: &str,
    branches: &'a [String],
    join: &str,
) -> BTreeSet<&'a str> {
    let mut region = BTreeSet::new();
    for b in branches {
        let inside = branch_steps(&cx.graph, b, join);
        if !inside.contains(join) {
            sink.error(
                cx.span_of(parallel),
                Problem::JoinUnreachable {
                    parallel: parallel.to_owned(),
                    branch: b.clone(),
                    join: join.to_owned(),
                },
            );
        }
        if inside.contains(parallel) {
            sink.error(
                cx.span_of(parallel),
                Problem::BadStep {
                    message: Phrase::named("branch-loops-back", parallel)
                        .with("branch", b)
                        .with("join", join),
                    fix: Phrase::new("branch-loops-back-fix").with("join", join),
                },
            );
        }
        region.extend(inside.into_iter().filter(|s| *s != join));
    }
    region
}

/// Each parallel step with the steps inside its branches.
type Regions<'a> = Vec<(&'a str, BTreeSet<&'a str>)>;

/// A deadline's `goto` may not jump into or out of parallel branches: the
/// join would wait for a branch that is gone, or pass with one missing.
fn gotos(cx: &Cx<'_>, sink: &mut Sink, regions: &Regions<'_>) {
    let (steps, case_deadlines) = (cx.steps, cx.case_deadlines);
    let inside = |id: &str| -> Vec<&str> {
        regions
            .iter()
            .filter(|(_, r)| r.contains(id))
            .map(|(p, _)| *p)
            .collect()
    };
    let mut gotos: Vec<(Option<&str>, &Deadline)> = steps
        .iter()
        .flat_map(|s| s.deadlines.iter().map(move |d| (Some(s.id.as_str()), d)))
        .collect();
    gotos.extend(case_deadlines.iter().map(|d| (None, d)));
    for target in &cx.event_targets {
        if let Some(parallel) = inside(target).first() {
            sink.error(
                cx.span_of(target),
                Problem::BadCaseEvent {
                    message: Phrase::named("case-event-into-branch", *parallel)
                        .with("target", *target),
                    fix: Phrase::new("case-event-into-branch-fix"),
                },
            );
        }
    }
    for (owner, deadline) in gotos {
        let Some(target) = deadline.goto.as_deref() else {
            continue;
        };
        let from = owner.map(inside).unwrap_or_default();
        let to = inside(target);
        if from != to {
            let parallel = to
                .iter()
                .chain(from.iter())
                .next()
                .copied()
                .unwrap_or_default();
            let owner_text =
                owner.map_or_else(|| Phrase::new("in-case"), |o| Phrase::named("in-step", o));
            sink.error(
                cx.span_of(owner.unwrap_or(target)),
                Problem::BadStep {
                    message: Phrase::named("goto-across-branches", &deadline.id)
                        .with("place", owner_text)
                        .with("target", target)
                        .with("parallel", parallel),
                    fix: Phrase::new("goto-across-branches-fix"),
                },
            );
        }
    }
}

fn orphan_joins(cx: &Cx<'_>, sink: &mut Sink, joins_named: &BTreeMap<&str, &str>) {
    for step in cx.steps {
        if matches!(step.kind, StepKind::Join) && !joins_named.contains_key(step.id.as_str()) {
            sink.error(
                cx.span_of(&step.id),
                Problem::OrphanJoin {
                    step: step.id.clone(),
                },
            );
        }
    }
}

/// Steps reachable from a branch's first step by flow edges, not walking past the join.
fn branch_steps<'a>(
    graph: &DiGraphMap<&'a str, Edge>,
    first: &'a str,
    join: &str,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![first];
    while let Some(n) = stack.pop() {
        if !seen.insert(n) || n == join {
            continue;
        }
        for (_, to, e) in graph.edges(n) {
            if *e != Edge::Deadline {
                stack.push(to);
            }
        }
    }
    seen
}

/// The steps of a strongly connected component in the order a case would walk them.
fn order_cycle(graph: &DiGraphMap<&str, ()>, component: &[&str]) -> Vec<String> {
    let members: BTreeSet<&str> = component.iter().copied().collect();
    let Some(start) = members.iter().next().copied() else {
        return Vec::new();
    };
    let mut order = vec![start.to_owned()];
    let mut current = start;
    let mut visited = BTreeSet::from([start]);
    loop {
        let next = graph
            .neighbors(current)
            .filter(|n| members.contains(n) && !visited.contains(n))
            .min();
        match next {
            Some(n) => {
                visited.insert(n);
                order.push(n.to_owned());
                current = n;
            }
            None => break,
        }
    }
    order
}
